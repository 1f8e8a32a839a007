package org.sandian.ops.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** WAV files as a phone or a laptop records them, for upload tests: 16-bit PCM, any rate and channels. */
public final class Wav {

    private Wav() {
    }

    /** A 440 Hz tone of {@code seconds} at {@code rate} Hz on {@code channels} channels. */
    public static byte[] tone(int rate, int channels, double seconds) {
        int frames = (int) (rate * seconds);
        int data = frames * channels * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        for (int i = 0; i < frames; i++) {
            short s = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 12_000);
            for (int c = 0; c < channels; c++) b.putShort(s);
        }
        return b.array();
    }

    /** The sample rate in a WAV header. */
    public static int rate(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(24);
    }

    /** The number of channels in a WAV header. */
    public static int channels(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getShort(22);
    }

    /** Bits per sample in a WAV header. */
    public static int bits(byte[] wav) {
        return ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getShort(34);
    }
}
