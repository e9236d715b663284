package io.supplyguard.switching;

/**
 * Why the kernel will not send a command. {@code code} is what the models route on (e.g.
 * {@code PAID_BEFORE_CUT}, {@code OUTSIDE_WINDOW}); {@code operatorMustAct} when a person has to
 * look at the registry (binding changed, another meter on the bus).
 */
public record Refusal(String code, String detail, boolean operatorMustAct) {

    static Refusal of(String code, String detail) {
        return new Refusal(code, detail, false);
    }

    static Refusal forOperator(String code, String detail) {
        return new Refusal(code, detail, true);
    }

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
