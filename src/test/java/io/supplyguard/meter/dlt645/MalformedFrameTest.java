package io.supplyguard.meter.dlt645;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** One case per way a frame can be wrong; each names the field at fault. */
class MalformedFrameTest {

    static final String ACK = "68 11 11 11 11 11 11 68 9C 00 D2 16";

    @Test
    void noStartByte() {
        assertField(() -> FrameCodec.decode(Hex.parse("FE FE FE FE 00 11")), FrameField.START);
    }

    @Test
    void truncatedInsideTheAddress() {
        assertField(() -> FrameCodec.decode(Hex.parse("FE 68 11 11 11")), FrameField.ADDRESS);
    }

    @Test
    void addressByteIsNotBcd() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 1F 11 11 11 11 11 68 9C 00 E0 16")), FrameField.ADDRESS);
    }

    @Test
    void secondStartByteMissing() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 69 9C 00 D3 16")), FrameField.SECOND_START);
    }

    @Test
    void truncatedBeforeTheControlByte() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68")), FrameField.CONTROL);
    }

    @Test
    void truncatedBeforeTheLength() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68 9C")), FrameField.LENGTH);
    }

    @Test
    void lengthBeyondTheLimit() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68 91 C9")), FrameField.LENGTH);
    }

    @Test
    void dataShorterThanTheLength() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68 91 04 33 33")), FrameField.DATA);
    }

    @Test
    void checksumMissing() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68 9C 00")), FrameField.CHECKSUM);
    }

    @Test
    void checksumWrong() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68 9C 00 D3 16")), FrameField.CHECKSUM);
    }

    @Test
    void endByteMissing() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68 9C 00 D2")), FrameField.END);
    }

    @Test
    void endByteWrong() {
        assertField(() -> FrameCodec.decode(Hex.parse("68 11 11 11 11 11 11 68 9C 00 D2 17")), FrameField.END);
    }

    @Test
    void bytesAfterTheEnd() {
        assertField(() -> FrameCodec.decode(Hex.parse(ACK + " 00")), FrameField.END);
    }

    @Test
    void replyToAnotherFunction() {
        Frame read = Dlt645.readData("111111111111", DataIdentifier.STATUS_WORD_3);
        assertField(() -> Dlt645.interpret(read, FrameCodec.decode(Hex.parse(ACK))), FrameField.CONTROL);
    }

    @Test
    void requestEchoedInsteadOfAReply() {
        Frame read = Dlt645.readData("111111111111", DataIdentifier.STATUS_WORD_3);
        assertField(() -> Dlt645.interpret(read, read), FrameField.CONTROL);
    }

    @Test
    void replyCarriesAnotherDataIdentifier() {
        Frame read = Dlt645.readData("111111111111", DataIdentifier.STATUS_WORD_3);
        Frame reply = Dlt645.readReply("111111111111", DataIdentifier.METER_NUMBER, new byte[6]);
        assertField(() -> Dlt645.interpret(read, reply), FrameField.DATA_IDENTIFIER);
    }

    @Test
    void readReplyTooShortForAnIdentifier() {
        Frame read = Dlt645.readData("111111111111", DataIdentifier.STATUS_WORD_3);
        assertField(() -> Dlt645.interpret(read, new Frame("111111111111", 0x91, new byte[] {3, 5})), FrameField.DATA_IDENTIFIER);
    }

    @Test
    void controlAcknowledgementWithData() {
        Frame control = Dlt645.control("111111111111", new ControlRequest("02", "000000", "00000000", 0x1A, LocalDateTime.of(2026, 1, 1, 0, 0)));
        assertField(() -> Dlt645.interpret(control, new Frame("111111111111", 0x9C, new byte[] {1})), FrameField.LENGTH);
    }

    @Test
    void abnormalReplyWithoutErrorByte() {
        Frame read = Dlt645.readData("111111111111", DataIdentifier.STATUS_WORD_3);
        assertField(() -> Dlt645.interpret(read, new Frame("111111111111", 0xD1, new byte[0])), FrameField.LENGTH);
    }

    @Test
    void statusWordOfWrongSize() {
        assertField(() -> Values.statusWord3(new byte[3]), FrameField.VALUE);
    }

    @Test
    void meterNumberNotBcd() {
        assertField(() -> Values.meterNumber(new byte[] {0x1A, 0, 0, 0, 0, 0}), FrameField.VALUE);
    }

    @Test
    void controlDeadlineNotADate() {
        byte[] data = Dlt645.control("111111111111", new ControlRequest("02", "000000", "00000000", 0x1A, LocalDateTime.of(2026, 1, 1, 0, 0))).data();
        data[13] = 0x32; // day 32
        assertField(() -> ControlRequest.fromData(data), FrameField.VALUE);
    }

    @Test
    void unknownDataIdentifier() {
        assertField(() -> DataIdentifier.of(new byte[] {1, 2, 3, 4}), FrameField.DATA_IDENTIFIER);
    }

    @Test
    void addressOfWrongLength() {
        assertField(() -> Dlt645.readData("12345", DataIdentifier.STATUS_WORD_3), FrameField.ADDRESS);
    }

    @Test
    void passwordNotHex() {
        assertField(() -> new ControlRequest("02", "00000G", "00000000", 0x1A, LocalDateTime.of(2026, 1, 1, 0, 0)), FrameField.VALUE);
    }

    private static void assertField(ThrowingCallable call, FrameField field) {
        assertThatThrownBy(call)
                .isInstanceOf(MalformedFrameException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((MalformedFrameException) e).field()).isEqualTo(field))
                .hasMessageStartingWith(field.name());
    }
}
