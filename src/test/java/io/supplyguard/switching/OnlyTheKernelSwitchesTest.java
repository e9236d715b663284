package io.supplyguard.switching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import io.supplyguard.meter.MeterControl;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1: the switching kernel is the only way a process reaches a control frame. Outside
 * the meter module itself (its driver and commissioning command line), no class calls a switching
 * method of {@link MeterControl}; reads stay open to everyone.
 */
class OnlyTheKernelSwitchesTest {

    private static final Set<String> SWITCHING = Set.of("execute", "resume", "trip", "closeAllowed", "directClose", "alarmOn",
            "alarmOff", "powerGuaranteeOn", "powerGuaranteeOff");

    @Test
    void noClassOutsideTheKernelAndTheDriverCallsASwitchingMethod() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.supplyguard");
        noClasses().that().resideOutsideOfPackages("io.supplyguard.switching..", "io.supplyguard.meter..")
                .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a switching method of MeterControl") {
                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTargetOwner().isAssignableTo(MeterControl.class) && SWITCHING.contains(call.getName());
                    }
                })
                .check(classes);
    }
}
