package io.supplyguard.meter;

/**
 * The seam for State Grid cipher-mode meters (password level 98): they accept control 1CH only
 * after ESAM identity authentication (03H) and with data encrypted by the security module.
 * Without a security module such meters are refused before any control frame is sent.
 */
interface IdentityAuthentication {

    String CIPHER_MODE_LEVEL = "98";

    /** Authenticates with the meter; a failure stops the command with its outcome. */
    Answer<Void> authenticate(Conversation conversation, MeterTarget target);

    IdentityAuthentication NO_SECURITY_MODULE = (conversation, target) -> Answer.failed(CommandOutcome.REJECTED,
            "not sent: cipher mode (password level 98) needs ESAM identity authentication (03H); no security module is configured");

    static boolean required(MeterTarget target) {
        return CIPHER_MODE_LEVEL.equals(target.passwordLevel());
    }
}
