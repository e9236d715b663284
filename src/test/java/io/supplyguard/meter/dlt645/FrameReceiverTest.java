package io.supplyguard.meter.dlt645;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FrameReceiverTest {

    static final byte[] ACK = Hex.parse("FE FE 68 11 11 11 11 11 11 68 9C 00 D2 16");

    @Test
    void completesOnTheLastByteWhenFedOneByteAtATime() {
        FrameReceiver receiver = new FrameReceiver();
        for (int i = 0; i < ACK.length - 1; i++) {
            assertThat(receiver.feed(ACK, i, 1)).as("after byte %d", i).isFalse();
        }
        assertThat(receiver.feed(ACK, ACK.length - 1, 1)).isTrue();
        assertThat(receiver.decode()).isEqualTo(Dlt645.controlAccepted("111111111111"));
        assertThat(receiver.received()).isEqualTo(ACK);
    }

    @Test
    void stopsAtTheFrameEndAndIgnoresWhatFollows() {
        byte[] withTrailer = java.util.Arrays.copyOf(ACK, ACK.length + 3);
        FrameReceiver receiver = new FrameReceiver();

        assertThat(receiver.feed(withTrailer, 0, withTrailer.length)).isTrue();
        assertThat(receiver.received()).isEqualTo(ACK);
    }

    @Test
    void aStartByteInTheNoiseIsPassedOver() {
        byte[] noisy = Hex.parse("68 00 12 FE FE 68 11 11 11 11 11 11 68 9C 00 D2 16");
        FrameReceiver receiver = new FrameReceiver();
        for (int i = 0; i < noisy.length - 1; i++) {
            assertThat(receiver.feed(noisy, i, 1)).as("after byte %d", i).isFalse();
        }

        assertThat(receiver.feed(noisy, noisy.length - 1, 1)).isTrue();
        assertThat(receiver.decode()).isEqualTo(Dlt645.controlAccepted("111111111111"));
    }

    @Test
    void noiseWithoutStartNeverCompletes() {
        FrameReceiver receiver = new FrameReceiver();
        assertThat(receiver.feed(new byte[] {(byte) 0xFE, 0, 0x11, (byte) 0xFE}, 0, 4)).isFalse();
        assertThat(receiver.hasStarted()).isFalse();
    }

    @Test
    void anImpossibleLengthCompletesAtOnceAndIsNamedByTheDecoder() {
        byte[] bad = Hex.parse("68 11 11 11 11 11 11 68 91 F0");
        FrameReceiver receiver = new FrameReceiver();

        assertThat(receiver.feed(bad, 0, bad.length)).isTrue();
        assertThatThrownBy(receiver::decode).isInstanceOf(MalformedFrameException.class).hasMessageStartingWith("LENGTH");
    }
}
