package io.supplyguard.release;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.camunda.bpm.engine.BadUserRequestException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The core models a BPMN or DMN resource defines, and its held copy: every attribute naming a core
 * key (the process or decision id, its diagram, references inside the file) names the held key
 * instead, and the process or decision is called "…（待发布）". The engine deploys the copy; nothing
 * starts or evaluates a held key, and start by key keeps finding the approved version.
 */
final class HeldModelXml {

    static final String NAME_SUFFIX = "（待发布）";

    private final Document document;
    private final Set<String> coreKeys = new LinkedHashSet<>();

    private HeldModelXml(Document document) {
        this.document = document;
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (!isDefinition(element)) {
                continue;
            }
            String id = element.getAttribute("id");
            if (CoreModels.isHeldKey(id)) {
                throw new BadUserRequestException("element '" + id + "': ids ending in '" + CoreModels.HELD_SUFFIX
                        + "' are reserved for held versions of the core models");
            }
            if (CoreModels.KEYS.contains(id)) {
                coreKeys.add(id);
            }
        }
    }

    /** The resource parsed, or null when it is not XML the engine could deploy (the engine reports that). */
    static HeldModelXml read(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new HeldModelXml(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
        } catch (BadUserRequestException refused) {
            throw refused;
        } catch (Exception unreadable) {
            return null;
        }
    }

    /** Core keys this resource defines (processes, decisions). */
    Set<String> coreKeys() {
        return coreKeys;
    }

    /** The copy the engine deploys while the version is held. */
    byte[] heldCopy() {
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            boolean coreDefinition = isDefinition(element) && coreKeys.contains(element.getAttribute("id"));
            if (coreDefinition && element.hasAttribute("name")) {
                element.setAttribute("name", element.getAttribute("name") + NAME_SUFFIX);
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                String value = attribute.getValue();
                String reference = value.startsWith("#") ? value.substring(1) : value;
                if (coreKeys.contains(reference)) {
                    attribute.setValue((value.startsWith("#") ? "#" : "") + CoreModels.heldKey(reference));
                }
            }
        }
        try {
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            var out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception impossible) {
            throw new IllegalStateException("held copy not written", impossible);
        }
    }

    private static boolean isDefinition(Element element) {
        return "process".equals(element.getLocalName()) || "decision".equals(element.getLocalName());
    }
}
