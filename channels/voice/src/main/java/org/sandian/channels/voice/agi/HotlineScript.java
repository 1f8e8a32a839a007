package org.sandian.channels.voice.agi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.sandian.channels.voice.VoiceOptions;
import org.sandian.channels.voice.menu.MenuNode;
import org.sandian.channels.voice.menu.NodeKind;
import org.sandian.channels.voice.menu.VoiceMenu;
import org.sandian.channels.voice.speech.AnswerScripts;
import org.sandian.channels.voice.speech.Part;
import org.sandian.channels.voice.speech.SharedSounds;
import org.sandian.channels.voice.speech.SpeechRenderer;
import org.sandian.content.answer.Answer;
import org.sandian.content.answer.Channel;
import org.sandian.content.answer.Intent;
import org.sandian.content.answer.Query;
import org.sandian.content.bus.FarmerProfile;
import org.sandian.content.bus.SubscriberCommand;
import org.sandian.content.model.Lang;

/**
 * The {@code hotline} AGI script: walks the caller through the menu (data, see {@link VoiceMenu}).
 * A stack of nodes is the way back: # pops one level. Everything the caller hears about content
 * comes from the answer engine and is rendered by the voice templates.
 */
public final class HotlineScript implements AgiScript {

    private final VoiceOptions options;
    private final Supplier<VoiceMenu> menu;
    private final SpeechRenderer speech;
    private final AnswerScripts scripts;
    private final HubClient hub;
    private final CallGate gate;
    private final Questions questions;

    public HotlineScript(VoiceOptions options, Supplier<VoiceMenu> menu, SpeechRenderer speech, AnswerScripts scripts,
                         HubClient hub, CallGate gate, SharedSounds shared) {
        this.options = options;
        this.menu = menu;
        this.speech = speech;
        this.scripts = scripts;
        this.hub = hub;
        this.gate = gate;
        this.questions = new Questions(options, hub, scripts, shared);
    }

    /** Where the walk goes after a node. */
    private enum Move { STAY, BACK, NEXT, REPLACE, LEAVE }

    private record Step(Move move, String target) {
        static final Step STAY = new Step(Move.STAY, null);
        static final Step BACK = new Step(Move.BACK, null);
        static final Step LEAVE = new Step(Move.LEAVE, null);
    }

    /** What one call knows while it goes: who calls, from where, the crop picked for guidance. */
    private static final class Call {
        final String caller;
        final String uniqueId;
        String region;
        String crop;

        Call(String caller, String uniqueId) {
            this.caller = caller;
            this.uniqueId = uniqueId;
        }
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) throws AgiException {
        VoiceMenu m = menu.get();
        String caller = callerOf(request);
        CallLog log = new CallLog(request.getUniqueId(), "hotline", caller);
        Lang startLang = "en".equalsIgnoreCase(request.getLanguage()) ? Lang.EN : Lang.ZH;
        Dialogue d = new Dialogue(channel, speech, options, log, m.prompt("invalid"), startLang);
        if (!gate.tryEnter()) {
            refuse(d, m, log);
            return;
        }
        try {
            walk(d, m, new Call(caller, request.getUniqueId()));
        } catch (AgiHangupException e) {
            log.end("caller-hung-up");
        } catch (Goodbye g) {
            log.step(g.getMessage());
            sayGoodbye(d, m, log);
        } finally {
            gate.leave();
            log.end("done");
        }
    }

    private void refuse(Dialogue d, VoiceMenu m, CallLog log) throws AgiException {
        log.step("busy active=" + gate.active() + " max=" + gate.max());
        try {
            d.play(d.parts(m.prompt("busy")));
            d.channel().hangup();
            log.end("busy");
        } catch (AgiHangupException e) {
            log.end("busy-caller-hung-up");
        }
    }

    private void sayGoodbye(Dialogue d, VoiceMenu m, CallLog log) throws AgiException {
        try {
            d.play(d.parts(m.prompt("goodbye")));
            d.channel().hangup();
            log.end("goodbye");
        } catch (AgiHangupException e) {
            log.end("caller-hung-up");
        }
    }

    private void walk(Dialogue d, VoiceMenu m, Call call) throws AgiException, Goodbye {
        FarmerProfile profile = hub.profile(call.caller);
        if (profile != null) call.region = profile.regionCode();
        String start = m.start();
        MenuNode first = m.node(start);
        if (profile != null && profile.lang() != null && first.nodeKind() == NodeKind.LANGUAGE) {
            d.lang(profile.lang());
            start = first.next();
            d.log().step("language " + profile.lang().code() + " from profile");
        }
        char early = d.play(d.parts(m.prompt("welcome")));
        Deque<String> stack = new ArrayDeque<>(List.of(start));
        if (Dialogue.isKey(early)) d.log().step("key during welcome " + early);
        pushBack(d, early);
        while (true) {
            MenuNode node = m.node(stack.peek());
            d.log().step("node " + node.id());
            Step step = run(d, m, node, call);
            switch (step.move()) {
                case NEXT -> stack.push(step.target());
                case REPLACE -> {
                    stack.pop();
                    stack.push(step.target());
                }
                case BACK -> {
                    if (stack.size() > 1) stack.pop();
                }
                case LEAVE -> {
                    return;
                }
                default -> { }
            }
        }
    }

    private Step run(Dialogue d, VoiceMenu m, MenuNode node, Call call) throws AgiException, Goodbye {
        NodeKind kind = node.nodeKind();
        return switch (kind) {
            case LANGUAGE -> language(d, node, call);
            case MENU -> menu(d, node);
            case PRICES -> prices(d, m, node, call);
            case GUIDANCE -> guidance(d, node, call);
            case TOPICS -> topics(d, m, node, call);
            case NOTICES -> notices(d, m, node, call);
            case SUBSCRIBE -> subscribe(d, m, node, call);
            case ASK -> questions.ask(d, m, node, call.caller, call.uniqueId, call.region)
                    == Questions.Outcome.FAILED ? Step.STAY : Step.BACK;
            case OPERATOR -> operator(d, node);
        };
    }

    private Step language(Dialogue d, MenuNode node, Call call) throws AgiException, Goodbye {
        char k = d.choose(d.parts(node.prompt()), keys(node), node.id());
        if (k == Dialogue.BACK) return Step.STAY;
        d.lang(Lang.parse(node.options().get(String.valueOf(k)), Lang.ZH));
        d.log().step("language " + d.lang().code());
        // Kept in the caller's profile, as an SMS "LANG EN" would be: the next call skips the question.
        if (call.caller != null) {
            hub.tell(new SubscriberCommand(Intent.LANGUAGE, call.caller, Channel.VOICE, null, List.of(), null, d.lang()));
        }
        return new Step(Move.REPLACE, node.next());
    }

    private Step menu(Dialogue d, MenuNode node) throws AgiException, Goodbye {
        char k = d.choose(d.parts(node.prompt()), keys(node), node.id());
        if (k == Dialogue.BACK) return Step.BACK;
        String target = node.options().get(String.valueOf(k));
        d.log().step("key " + k + " -> " + target);
        return new Step(Move.NEXT, target);
    }

    private Step prices(Dialogue d, VoiceMenu m, MenuNode node, Call call) throws AgiException, Goodbye {
        String code = commodity(d, node);
        if (code == null) return Step.BACK;
        Answer a = ask(d, call, Intent.PRICE, code);
        listen(d, m, d.parts(scripts.script(a, d.lang())));
        return Step.STAY;
    }

    private Step guidance(Dialogue d, MenuNode node, Call call) throws AgiException, Goodbye {
        char k = d.choose(d.parts(node.prompt()), keys(node), node.id());
        if (k == Dialogue.BACK) return Step.BACK;
        call.crop = node.options().get(String.valueOf(k));
        d.log().step("crop " + call.crop);
        return new Step(Move.NEXT, node.next());
    }

    private Step topics(Dialogue d, VoiceMenu m, MenuNode node, Call call) throws AgiException, Goodbye {
        char k = d.choose(d.parts(node.prompt()), keys(node), node.id());
        if (k == Dialogue.BACK) return Step.BACK;
        Answer a = ask(d, call, Intent.GUIDANCE, call.crop + " " + node.options().get(String.valueOf(k)));
        listen(d, m, d.parts(scripts.script(a, d.lang())));
        return Step.STAY;
    }

    private Step notices(Dialogue d, VoiceMenu m, MenuNode node, Call call) throws AgiException, Goodbye {
        pushBack(d, d.play(d.parts(node.prompt())));
        Answer a = ask(d, call, Intent.NOTICES, "");
        if (!(a instanceof Answer.Notices n) || n.items().isEmpty()) {
            d.play(d.parts(scripts.script(a, d.lang())));
            return Step.BACK;
        }
        Dialogue.Attempts attempts = d.attempts("notices");
        int i = 0;
        List<Part> current = d.parts(scripts.notice(n.items().get(0), 1, n.items().size(), d.lang()));
        char k = d.play(current);
        while (true) {
            if (k == Dialogue.NONE) k = d.ask(d.parts(m.prompt("noticeNext")));
            if (k == Dialogue.REPEAT) {
                attempts.repeatAsked();
                k = d.play(current);
            } else if (k == Dialogue.BACK) {
                if (++i >= n.items().size()) {
                    d.log().step("notices read " + i);
                    d.play(d.parts(m.prompt("noMoreNotices")));
                    return Step.BACK;
                }
                d.log().step("notice " + (i + 1) + "/" + n.items().size());
                current = d.parts(scripts.notice(n.items().get(i), i + 1, n.items().size(), d.lang()));
                k = d.play(current);
            } else {
                attempts.failed(k);
                k = Dialogue.NONE;
            }
        }
    }

    private Step subscribe(Dialogue d, VoiceMenu m, MenuNode node, Call call) throws AgiException, Goodbye {
        String code = commodity(d, node);
        if (code == null) return Step.BACK;
        Answer found = ask(d, call, Intent.PRICE, code);
        if (!(found instanceof Answer.Prices p)) {
            d.play(d.parts(scripts.script(found, d.lang())));
            return Step.STAY;
        }
        String name = p.commodity().name().in(d.lang());
        List<Part> confirm = new ArrayList<>(d.parts(scripts.subscribeChoice(name, d.lang())));
        confirm.addAll(d.parts(m.prompt("confirmSubscribe")));
        char k = d.choose(confirm, "1", node.id() + "-confirm");
        if (k == Dialogue.BACK) return Step.STAY;
        Answer done = ask(d, call, Intent.SUBSCRIBE, "price " + p.commodity().code());
        String said = done instanceof Answer.Done ? scripts.done(name, d.lang()) : scripts.script(done, d.lang());
        d.log().step("subscribe " + p.commodity().code() + " -> " + kindOf(done));
        d.play(d.parts(said));
        return done instanceof Answer.Done ? Step.BACK : Step.STAY;
    }

    private Step operator(Dialogue d, MenuNode node) throws AgiException {
        d.play(d.parts(node.prompt()));
        d.channel().setVariable(options.operatorVariable(), "operator");
        d.log().step("operator");
        d.log().end("operator");
        return Step.LEAVE;
    }

    /**
     * A commodity by its short-menu key, or by its 2-3 digit code typed then #. A single digit
     * followed by a pause or # is the short-menu key. Null when the caller goes back.
     */
    private String commodity(Dialogue d, MenuNode node) throws AgiException, Goodbye {
        Dialogue.Attempts attempts = d.attempts(node.id());
        while (true) {
            char k = d.ask(d.parts(node.prompt()));
            if (k == Dialogue.REPEAT) {
                attempts.repeatAsked();
                continue;
            }
            if (k == Dialogue.BACK) return null;
            if (k >= '0' && k <= '9') {
                String typed = typed(d, k);
                if (typed == null) continue;
                if (typed.length() == 1 && node.options().containsKey(typed)) {
                    d.log().step("key " + typed + " -> " + node.options().get(typed));
                    return node.options().get(typed);
                }
                if (typed.length() >= 2 && typed.length() <= 3) {
                    d.log().step("code " + typed);
                    return typed;
                }
            }
            attempts.failed(k);
        }
    }

    /** The digits typed after {@code first}, until #, a pause or the fourth digit; null after *. */
    private String typed(Dialogue d, char first) throws AgiException {
        StringBuilder code = new StringBuilder().append(first);
        while (code.length() <= 3) {
            char c = d.nextDigit(options.interDigitTimeout().toMillis());
            if (c == Dialogue.NONE || c == '#') break;
            if (c == Dialogue.REPEAT) return null;
            code.append(c);
        }
        return code.toString();
    }

    private static void listen(Dialogue d, VoiceMenu m, List<Part> content) throws AgiException, Goodbye {
        d.listen(content, d.parts(m.prompt("afterAnswer")));
    }

    private Answer ask(Dialogue d, Call call, Intent intent, String terms) {
        Query q = new Query(intent, terms, d.lang(), Channel.VOICE, call.caller, call.region, 1);
        Answer a = hub.answer(q);
        d.log().step(intent.name().toLowerCase() + " " + terms + " -> " + kindOf(a));
        return a;
    }

    /** A key pressed during a prompt that only informs counts as the answer to the next one. */
    private static void pushBack(Dialogue d, char key) {
        if (Dialogue.isKey(key)) d.pushBack(key);
    }

    static String kindOf(Answer a) {
        return a.getClass().getSimpleName().toLowerCase();
    }

    private static String keys(MenuNode node) {
        return String.join("", node.options().keySet());
    }

    static String callerOf(AgiRequest request) {
        String n = request.getCallerIdNumber();
        if (n == null || n.isBlank() || "unknown".equalsIgnoreCase(n)) return null;
        return n.strip();
    }
}
