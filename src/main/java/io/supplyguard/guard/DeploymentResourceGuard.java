package io.supplyguard.guard;

import java.io.ByteArrayInputStream;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The deployment guard for what is not BPMN: CMMN case models are refused (SupplyGuard has none, and
 * their listeners would run unchecked); DMN decisions may use FEEL only (no script or JUEL
 * expression languages, which could run code or name beans). BPMN is checked by {@link DeploymentGuard}.
 */
class DeploymentResourceGuard implements Deployer {

    private static final Set<String> FEEL = Set.of("feel", "FEEL", "http://www.omg.org/spec/FEEL/20140401",
            "https://www.omg.org/spec/DMN/20191111/FEEL", "https://www.omg.org/spec/DMN/20191111/FEEL/");

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            String name = resource.getName();
            if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
                throw new BadUserRequestException("resource '" + name + "': CMMN case models are not allowed");
            }
            if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
                checkDecisions(name, resource.getBytes());
            }
        }
    }

    private static void checkDecisions(String name, byte[] xml) {
        Document dmn;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dmn = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception unreadable) {
            return; // the DMN deployer reports what it cannot parse
        }
        NodeList all = dmn.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            for (String attribute : new String[] {"expressionLanguage", "typeLanguage"}) {
                String language = element.getAttribute(attribute);
                if (!language.isEmpty() && !(attribute.equals("typeLanguage") || FEEL.contains(language))) {
                    throw new BadUserRequestException("resource '" + name + "', element '" + idOf(element)
                            + "': expression language '" + language + "' is not allowed; decisions use FEEL");
                }
            }
        }
    }

    private static String idOf(org.w3c.dom.Node node) {
        while (node instanceof Element element) {
            if (!element.getAttribute("id").isEmpty()) {
                return element.getAttribute("id");
            }
            node = element.getParentNode();
        }
        return "(definitions)";
    }
}
