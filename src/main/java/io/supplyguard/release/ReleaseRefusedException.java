package io.supplyguard.release;

import org.camunda.bpm.engine.BadUserRequestException;

/** A release decision the application does not accept: 400 over REST, the message in Tasklist. Nothing is recorded. */
class ReleaseRefusedException extends BadUserRequestException {

    ReleaseRefusedException(String message) {
        super(message);
    }
}
