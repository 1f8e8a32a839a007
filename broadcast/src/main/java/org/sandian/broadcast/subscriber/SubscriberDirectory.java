package org.sandian.broadcast.subscriber;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import java.util.Optional;
import org.sandian.broadcast.BroadcastAddresses;
import org.sandian.content.answer.Answer;
import org.sandian.content.bus.Addresses;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.MessageTypes;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.bus.RecordCodec;
import org.sandian.content.bus.SubscriberCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriber directory on the bus. {@link Addresses#PROFILE}: phone -> {@link FarmerProfile}
 * or a null body when unknown, from a bounded in-memory cache, else (unless {@link KnownPhones}
 * shows the phone has no record) one {@code _id} find on a worker. {@link Addresses#SUBSCRIBER_COMMAND}: {@link SubscriberCommand} -> {@link Answer}, applied
 * one at a time (ordered) so two commands from one farmer cannot overwrite each other. A stop is
 * published on {@link Addresses#STOPPED} right after it is stored.
 */
public final class SubscriberDirectory extends VerticleBase {

    private static final Logger log = LoggerFactory.getLogger(SubscriberDirectory.class);
    private static final String ORIGIN = "origin";
    /** Published on {@link BroadcastAddresses#SUBSCRIBER_CHANGED} after a bulk change (an import): drop every cached profile. */
    public static final String ALL = "*";

    private final SubscriberStore store;
    private final SubscriberCommands commands;
    private final ProfileCache cache;
    private final KnownPhones known = new KnownPhones();
    private final Clock clock;
    private String origin;

    public SubscriberDirectory(SubscriberStore store, DirectoryOptions options, Clock clock) {
        this.store = store;
        this.commands = new SubscriberCommands(options.defaultLang());
        this.cache = new ProfileCache(options.cacheEntries());
        this.clock = clock;
    }

    public ProfileCache cache() {
        return cache;
    }

    @Override
    public Future<?> start() {
        EventBus bus = vertx.eventBus();
        MessageTypes.register(bus);
        origin = deploymentID();
        return Future.join(
                bus.<String>consumer(Addresses.PROFILE, this::profile).completion(),
                bus.<SubscriberCommand>consumer(Addresses.SUBSCRIBER_COMMAND, this::command).completion(),
                bus.<String>consumer(BroadcastAddresses.SUBSCRIBER_CHANGED, this::changedElsewhere).completion(),
                bus.<String>consumer(Addresses.STOPPED, this::changedElsewhere).completion())
                .onSuccess(v -> loadKnownPhones());
    }

    /** In the background: until loaded, every profile not cached is read from the store. */
    private void loadKnownPhones() {
        vertx.executeBlocking(() -> known.load(store), false).onComplete(r -> {
            if (r.succeeded()) log.info("subscriber directory: {} phones known", r.result());
            else log.warn("subscriber directory: phones not loaded, profiles are read from the store: {}", r.cause().toString());
        });
    }

    /** True once the phones with a record are known (profiles of other phones need no store read). */
    public boolean knowsPhones() {
        return known.isLoaded();
    }

    private void profile(Message<String> m) {
        String phone;
        try {
            phone = PhoneNumbers.normalize(m.body());
        } catch (InvalidPhoneNumberException e) {
            m.reply(null);
            return;
        }
        Optional<FarmerProfile> cached = cache.get(phone);
        if (cached != null) {
            reply(m, cached.orElse(null));
            return;
        }
        if (!known.mayExist(phone)) {
            m.reply(null);
            return;
        }
        long ticket = cache.ticket();
        vertx.executeBlocking(() -> store.find(phone), false).onComplete(r -> {
            if (r.failed()) {
                log.warn("profile of {} failed: {}", PhoneMask.mask(phone), r.cause().toString());
                m.fail(500, "store unavailable");
                return;
            }
            FarmerProfile p = r.result() == null ? null : r.result().profile();
            cache.putRead(phone, p, ticket); // not if a command changed a profile meanwhile: p may be the old one
            reply(m, p);
        });
    }

    private static void reply(Message<String> m, FarmerProfile p) {
        if (p == null) m.reply(null);
        else m.reply(p, RecordCodec.options(FarmerProfile.class));
    }

    private void command(Message<SubscriberCommand> m) {
        SubscriberCommand c = m.body();
        String phone;
        try {
            phone = PhoneNumbers.normalize(c.phone());
        } catch (InvalidPhoneNumberException | NullPointerException e) {
            m.reply(new Answer.Failed(c.lang(), c.action(), "bad-phone"), RecordCodec.options(Answer.class));
            return;
        }
        SubscriberCommand command = new SubscriberCommand(c.action(), phone, c.channel(), c.topic(),
                c.commodities(), c.regionCode(), c.lang());
        vertx.executeBlocking(() -> {
            CommandOutcome outcome = commands.apply(store.find(phone), command, clock.instant());
            if (outcome.changed() != null) {
                store.save(outcome.changed());
                known.add(phone);
            }
            return outcome;
        }, true).onComplete(r -> {
            if (r.failed()) {
                log.warn("{} for {} failed: {}", c.action(), PhoneMask.mask(phone), r.cause().toString());
                m.reply(new Answer.Failed(c.lang(), c.action(), "unavailable"), RecordCodec.options(Answer.class));
                return;
            }
            CommandOutcome outcome = r.result();
            if (outcome.changed() != null) {
                cache.put(phone, outcome.changed().profile());
                vertx.eventBus().publish(BroadcastAddresses.SUBSCRIBER_CHANGED, phone,
                        new DeliveryOptions().addHeader(ORIGIN, origin));
            }
            if (outcome.stoppedNow()) {
                log.info("{} stopped by {}", PhoneMask.mask(phone), c.channel());
                vertx.eventBus().publish(Addresses.STOPPED, phone, new DeliveryOptions().addHeader(ORIGIN, origin));
            }
            m.reply(outcome.answer(), RecordCodec.options(Answer.class));
        });
    }

    private void changedElsewhere(Message<String> m) {
        if (origin.equals(m.headers().get(ORIGIN))) return;
        if (ALL.equals(m.body())) {
            cache.clear();
            known.reset();
            loadKnownPhones();
        } else {
            // cached and known under the normal form, whatever form the announcement used
            String phone = PhoneNumbers.isValid(m.body()) ? PhoneNumbers.normalize(m.body()) : m.body();
            known.add(phone);
            cache.invalidate(phone);
        }
    }
}
