package io.supplyguard.meter.dlt645;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published vectors of DESIGN.md §4, byte for byte, and round trips. */
class FrameCodecTest {

    static final String READ_ENERGY = "68 12 90 78 56 34 12 68 11 04 33 33 34 33 68 16";
    static final String ENERGY_REPLY = "68 12 90 78 56 34 12 68 91 08 33 33 34 33 AB 89 67 45 CC 16";
    static final String READ_ADDRESS = "FE FE FE FE 68 AA AA AA AA AA AA 68 13 00 DF 16";
    static final String TRIP = "68 11 11 11 11 11 11 68 1C 10 33 33 33 33 33 33 33 33 4D 33 57 74 48 45 38 4B 55 16";
    static final String TRIP_ACCEPTED = "68 11 11 11 11 11 11 68 9C 00 D2 16";

    @Test
    void readRequestMatchesThePublishedVector() {
        assertThat(Hex.of(FrameCodec.encode(Dlt645.readData("123456789012", DataIdentifier.ACTIVE_ENERGY_TOTAL))))
                .isEqualTo(READ_ENERGY);
    }

    @Test
    void readReplyDecodesToTheEnergyOfThePublishedVector() {
        Frame request = FrameCodec.decode(Hex.parse(READ_ENERGY));
        Frame reply = FrameCodec.decode(Hex.parse(ENERGY_REPLY));

        assertThat(reply.address()).isEqualTo("123456789012");
        assertThat(reply.isReply()).isTrue();
        assertThat(reply.isAbnormal()).isFalse();
        var accepted = (Reply.Accepted) Dlt645.interpret(request, reply);
        assertThat(Values.money(accepted.value())).isEqualByComparingTo(new BigDecimal("123456.78"));
        assertThat(Hex.of(FrameCodec.encode(Dlt645.readReply("123456789012", DataIdentifier.ACTIVE_ENERGY_TOTAL,
                Values.money(new BigDecimal("123456.78")))))).isEqualTo(ENERGY_REPLY);
    }

    @Test
    void readAddressWithWakeUpMatchesThePublishedVector() {
        assertThat(Hex.of(FrameCodec.encodeForWire(Dlt645.readAddress()))).isEqualTo(READ_ADDRESS);
        assertThat(FrameCodec.decode(Hex.parse(READ_ADDRESS))).isEqualTo(Dlt645.readAddress());
    }

    @Test
    void tripMatchesThePublishedVector() {
        var trip = new ControlRequest("00", "000000", "00000000", 0x1A, LocalDateTime.of(2018, 5, 12, 15, 41, 24));

        assertThat(Hex.of(FrameCodec.encode(Dlt645.control("111111111111", trip)))).isEqualTo(TRIP);
        assertThat(Dlt645.controlRequestOf(FrameCodec.decode(Hex.parse(TRIP)))).isEqualTo(trip);
    }

    @Test
    void tripAcknowledgementMatchesThePublishedVector() {
        assertThat(Hex.of(FrameCodec.encode(Dlt645.controlAccepted("111111111111")))).isEqualTo(TRIP_ACCEPTED);
        Frame trip = FrameCodec.decode(Hex.parse(TRIP));
        assertThat(Dlt645.interpret(trip, FrameCodec.decode(Hex.parse(TRIP_ACCEPTED)))).isInstanceOf(Reply.Accepted.class);
    }

    @Test
    void passwordAndOperatorGoLowByteFirst() {
        var request = new ControlRequest("02", "123456", "89ABCDEF", 0x1C, LocalDateTime.of(2026, 11, 28, 20, 5, 0));
        byte[] data = Dlt645.control("000000100001", request).data();

        assertThat(Hex.of(data)).isEqualTo("02 56 34 12 EF CD AB 89 1C 00 00 05 20 28 11 26");
        assertThat(ControlRequest.fromData(data)).isEqualTo(request);
    }

    @Test
    void controlByteBitsAreDecoded() {
        Frame followUp = new Frame("000000000001", 0xB1, new byte[] {0, 5, 0, 4});
        assertThat(followUp.isReply()).isTrue();
        assertThat(followUp.hasFollowUp()).isTrue();
        assertThat(followUp.isAbnormal()).isFalse();
        assertThat(followUp.function()).isEqualTo(Dlt645.READ);
        Frame abnormal = new Frame("000000000001", 0xD1, new byte[] {4});
        assertThat(abnormal.isAbnormal()).isTrue();
        assertThat(abnormal.hasFollowUp()).isFalse();
    }

    @Test
    void abnormalReplyNamesItsReasons() {
        Frame request = Dlt645.readData("000000000001", DataIdentifier.STATUS_WORD_3);
        Frame reply = FrameCodec.decode(FrameCodec.encode(Dlt645.abnormalReply("000000000001", Dlt645.READ,
                Set.of(MeterError.NO_REQUESTED_DATA, MeterError.UNAUTHORISED))));

        var rejected = (Reply.Rejected) Dlt645.interpret(request, reply);
        assertThat(reply.control()).isEqualTo(0xD1);
        assertThat(rejected.errors()).containsExactlyInAnyOrder(MeterError.NO_REQUESTED_DATA, MeterError.UNAUTHORISED);
        assertThat(rejected.reason()).isEqualTo("NO_REQUESTED_DATA,UNAUTHORISED");
        assertThat(MeterError.fromErrByte(0x7F)).hasSize(7);
    }

    @Test
    void cipherModeRefusalCarriesTheSecurityWord() {
        Frame control = Dlt645.control("000000000001",
                new ControlRequest("98", "000000", "00000000", 0x1A, LocalDateTime.of(2026, 1, 1, 0, 0)));
        Frame reply = FrameCodec.decode(FrameCodec.encode(Dlt645.securityErrorReply("000000000001", 0x0104)));

        var rejected = (Reply.Rejected) Dlt645.interpret(control, reply);
        assertThat(reply.control()).isEqualTo(0xDC);
        assertThat(rejected.securityWord()).isEqualTo(0x0104);
        assertThat(rejected.reason()).isEqualTo("SECURITY_ERROR_0104");
    }

    @Test
    void valuesRoundTrip() {
        assertThat(Values.meterNumber(Values.meterNumber("000000100001"))).isEqualTo("000000100001");
        assertThat(Values.money(Values.money(new BigDecimal("0.05")))).isEqualByComparingTo("0.05");
        var word = StatusWord3.of(true, true, false, true);
        var decoded = Values.statusWord3(Values.statusWord3(word));
        assertThat(decoded.relayOpen()).isTrue();
        assertThat(decoded.commandOpen()).isTrue();
        assertThat(decoded.preTripAlarm()).isFalse();
        assertThat(decoded.powerGuarantee()).isTrue();
        assertThat(Hex.of(Values.statusWord3(word))).isEqualTo("50 10");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4})
    void wakeUpBytesAndNoiseBeforeTheFrameAreSkipped(int wakeUps) {
        byte[] frame = Hex.parse(TRIP_ACCEPTED);
        byte[] noisy = new byte[wakeUps + 1 + frame.length];
        noisy[0] = 0x00;
        for (int i = 1; i <= wakeUps; i++) {
            noisy[i] = (byte) 0xFE;
        }
        System.arraycopy(frame, 0, noisy, wakeUps + 1, frame.length);

        assertThat(FrameCodec.decode(noisy)).isEqualTo(Dlt645.controlAccepted("111111111111"));
    }

    @Test
    void maximumDataLengthRoundTrips() {
        Frame big = new Frame("000000000001", 0x91, new byte[Frame.MAX_DATA_LENGTH]);
        assertThat(FrameCodec.decode(FrameCodec.encodeForWire(big))).isEqualTo(big);
    }
}
