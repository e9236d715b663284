package io.supplyguard.meter.dlt645;

import java.util.Arrays;
import java.util.Set;

/** The requests SupplyGuard sends and the replies a meter gives, as frames. */
public final class Dlt645 {

    public static final int READ = 0x11;
    public static final int READ_ADDRESS = 0x13;
    public static final int CONTROL = 0x1C;
    static final int REPLY = 0x80;
    static final int ABNORMAL = 0x40;
    static final int SECURITY_WORD_LENGTH = 2;

    private Dlt645() {
    }

    public static Frame readData(String address, DataIdentifier identifier) {
        return new Frame(address, READ, identifier.toBytes());
    }

    public static Frame readAddress() {
        return new Frame(Address.WILDCARD, READ_ADDRESS, new byte[0]);
    }

    public static Frame control(String address, ControlRequest request) {
        return new Frame(address, CONTROL, request.toData());
    }

    /** Which data a read request asks for. */
    public static DataIdentifier identifierOf(Frame readRequest) {
        return DataIdentifier.of(readRequest.data());
    }

    public static ControlRequest controlRequestOf(Frame controlRequest) {
        return ControlRequest.fromData(controlRequest.data());
    }

    // --- the meter's side (simulator) ---

    public static Frame readReply(String address, DataIdentifier identifier, byte[] value) {
        byte[] data = Arrays.copyOf(identifier.toBytes(), 4 + value.length);
        System.arraycopy(value, 0, data, 4, value.length);
        return new Frame(address, REPLY | READ, data);
    }

    public static Frame addressReply(String address) {
        return new Frame(address, REPLY | READ_ADDRESS, Address.encode(address));
    }

    public static Frame controlAccepted(String address) {
        return new Frame(address, REPLY | CONTROL, new byte[0]);
    }

    public static Frame abnormalReply(String address, int function, Set<MeterError> errors) {
        return new Frame(address, REPLY | ABNORMAL | function, new byte[] {(byte) MeterError.toErrByte(errors)});
    }

    /** Cipher-mode meters answer a refused control with a 2-byte security error word. */
    public static Frame securityErrorReply(String address, int securityWord) {
        return new Frame(address, REPLY | ABNORMAL | CONTROL, new byte[] {(byte) securityWord, (byte) (securityWord >> 8)});
    }

    // --- the requester's side ---

    /**
     * What a reply says about a request. The reply must answer the request's function (and,
     * for a read, the same data identifier); the address is the caller's to check.
     */
    public static Reply interpret(Frame request, Frame reply) {
        if (!reply.isReply() || reply.function() != request.function()) {
            throw new MalformedFrameException(FrameField.CONTROL,
                    String.format("%02X does not answer a request with function %02X", reply.control(), request.function()));
        }
        byte[] data = reply.data();
        if (reply.isAbnormal()) {
            return abnormal(reply, data);
        }
        return switch (request.function()) {
            case READ -> readValue(request, reply, data);
            case READ_ADDRESS -> {
                if (data.length != Address.BYTES) {
                    throw new MalformedFrameException(FrameField.LENGTH, "address reply needs 6 data bytes, got " + data.length);
                }
                yield new Reply.Accepted(reply, data);
            }
            case CONTROL -> {
                if (data.length != 0) {
                    throw new MalformedFrameException(FrameField.LENGTH, "control acknowledgement carries no data, got " + data.length);
                }
                yield new Reply.Accepted(reply, data);
            }
            default -> throw new MalformedFrameException(FrameField.CONTROL, String.format("unsupported function %02X", request.function()));
        };
    }

    private static Reply abnormal(Frame reply, byte[] data) {
        if (data.length == 1) {
            return new Reply.Rejected(reply, MeterError.fromErrByte(data[0] & 0xFF), null);
        }
        if (reply.function() == CONTROL && data.length == SECURITY_WORD_LENGTH) {
            return new Reply.Rejected(reply, Set.of(), (data[0] & 0xFF) | (data[1] & 0xFF) << 8);
        }
        throw new MalformedFrameException(FrameField.LENGTH, "abnormal reply with " + data.length + " data bytes");
    }

    private static Reply readValue(Frame request, Frame reply, byte[] data) {
        int asked = DataIdentifier.codeOf(request.data());
        int answered = DataIdentifier.codeOf(data);
        if (asked != answered) {
            throw new MalformedFrameException(FrameField.DATA_IDENTIFIER,
                    String.format("asked %08X, reply carries %08X", asked, answered));
        }
        return new Reply.Accepted(reply, Arrays.copyOfRange(data, 4, data.length));
    }
}
