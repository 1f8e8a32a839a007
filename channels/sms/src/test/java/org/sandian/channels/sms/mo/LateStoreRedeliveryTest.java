package org.sandian.channels.sms.mo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mongodb.client.MongoCollection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sandian.channels.sms.InboundMessage;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

/**
 * The store answers after the SMSC gave up (our wait ran out, the SMSC delivers again), yet the
 * first write lands: the copy that comes again must count as already stored, not as a second MO.
 */
class LateStoreRedeliveryTest {

    private final MongoStore store = TestStore.open();
    private final List<InboundMessage> handed = new CopyOnWriteArrayList<>();
    private final CountDownLatch storeSlow = new CountDownLatch(1);
    private MoIntake intake;

    @AfterEach
    void tearDown() {
        if (intake != null) intake.close();
        store.close();
    }

    /** The real collection, whose first insertMany waits until the test lets it go on. */
    @SuppressWarnings("unchecked")
    private MongoCollection<Document> late(String name) {
        MongoCollection<Document> real = store.collection(name, Document.class);
        return (MongoCollection<Document>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{MongoCollection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("insertMany")) storeSlow.await(10, TimeUnit.SECONDS);
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void start() {
        intake = new MoIntake(late("sms_mo"), late("sms_mo_parts"), late("sms_mo_progress"), receipt -> CompletableFuture.completedFuture(null),
                m -> {
                    handed.add(m);
                    return CompletableFuture.completedFuture(null);
                }, Clock.systemUTC(), Duration.ofMinutes(1), 30_000, 1, Duration.ofMillis(200));
    }

    private static DeliverSm pdu(String text, byte[] udh) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16BE);
        byte[] ud = new byte[udh.length + body.length];
        System.arraycopy(udh, 0, ud, 0, udh.length);
        System.arraycopy(body, 0, ud, udh.length, body.length);
        DeliverSm d = new DeliverSm();
        d.setSourceAddr("8613800000041");
        d.setSourceAddrTon((byte) 1);
        d.setDestAddress("12316");
        d.setEsmClass((byte) (udh.length > 0 ? 0x40 : 0));
        d.setDataCoding((byte) 8);
        d.setShortMessage(ud);
        return d;
    }

    private static void awaitTrue(java.util.function.BooleanSupplier c, String what) throws InterruptedException {
        long end = System.currentTimeMillis() + 5_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void anMoDeliveredAgainAfterALateStoreIsStoredAndHandedOverOnce() throws Exception {
        start();
        DeliverSm mo = pdu("价格 玉米", new byte[0]);
        assertThrows(ProcessRequestException.class, () -> intake.accept("s1", mo), "the SMSC is told to deliver again");
        storeSlow.countDown(); // the first write lands after all
        MongoCollection<Document> stored = store.collection("sms_mo", Document.class);
        awaitTrue(() -> stored.countDocuments() == 1, "the late write");
        intake.accept("s1", pdu("价格 玉米", new byte[0]));
        awaitTrue(() -> handed.size() == 1, "handed over");
        assertEquals(1, stored.countDocuments(), "one MO, not two");
        assertEquals("价格 玉米", handed.get(0).text());
    }

    @Test
    void aPartDeliveredAgainAfterALateStoreLeavesNoStrayCopyBehind() throws Exception {
        start();
        byte[] first = {5, 0, 3, 9, 2, 1};
        assertThrows(ProcessRequestException.class, () -> intake.accept("s1", pdu("问 玉米叶子", first)));
        storeSlow.countDown();
        MongoCollection<Document> parts = store.collection("sms_mo_parts", Document.class);
        awaitTrue(() -> parts.countDocuments() == 1, "the late write");
        intake.accept("s1", pdu("问 玉米叶子", first));
        intake.accept("s1", pdu("发黄怎么办", new byte[]{5, 0, 3, 9, 2, 2}));
        awaitTrue(() -> handed.size() == 1, "joined and handed over");
        assertEquals("问 玉米叶子发黄怎么办", handed.get(0).text());
        // no copy of part 1 left to be joined into a second, broken message at the next start
        awaitTrue(() -> parts.countDocuments() == 0, "parts cleaned");
        assertEquals(1, store.collection("sms_mo", Document.class).countDocuments());
    }
}
