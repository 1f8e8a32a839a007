package org.sandian.content.bus;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Carries our immutable message records on the event bus: handed over as they are on one node
 * (no copy, they are immutable), as JSON between cluster nodes.
 */
public final class RecordCodec<T> implements MessageCodec<T, T> {

    private final Class<T> type;

    private RecordCodec(Class<T> type) {
        this.type = type;
    }

    /**
     * Registers the codec under {@link #nameOf(Class)}; registering twice is harmless. Send with
     * {@link #options(Class)}: Vert.x picks default codecs by exact class, which would miss the
     * records behind a sealed interface such as {@code Answer}.
     */
    public static <T> void register(EventBus bus, Class<T> type) {
        try {
            bus.registerCodec(new RecordCodec<>(type));
        } catch (IllegalStateException alreadyRegistered) {
            // another verticle on this node did it first
        }
    }

    public static String nameOf(Class<?> type) {
        return "sandian-" + type.getName();
    }

    /** Delivery options that carry a {@code type} body with this codec. */
    public static DeliveryOptions options(Class<?> type) {
        return new DeliveryOptions().setCodecName(nameOf(type));
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
        try {
            byte[] json = Json.MAPPER.writeValueAsBytes(value);
            buffer.appendInt(json.length).appendBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        int length = buffer.getInt(pos);
        try {
            return Json.MAPPER.readValue(buffer.getBytes(pos + 4, pos + 4 + length), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T transform(T value) {
        return value;
    }

    @Override
    public String name() {
        return nameOf(type);
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
