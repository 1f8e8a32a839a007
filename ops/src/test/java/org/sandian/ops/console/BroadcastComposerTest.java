package org.sandian.ops.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.sandian.broadcast.core.Broadcast;
import org.sandian.broadcast.core.BroadcastStore;
import org.sandian.broadcast.schedule.QuietHours;
import org.sandian.content.answer.Channel;
import org.sandian.ops.auth.Role;
import org.sandian.ops.testing.SharedHub;
import org.sandian.ops.testing.Wav;

/** The composer's schedule and cancel over HTTP: a broadcast set for tomorrow waits, and a cancelled one never fires. */
class BroadcastComposerTest {

    @Test
    void aBroadcastScheduledForTomorrowWaitsAndCanBeCancelled() throws Exception {
        SharedHub.officer("bcc-editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("bcc-reviewer-hb", Role.REVIEWER, "420000000000");
        ConsoleClient editor = new ConsoleClient();
        editor.login("bcc-editor-qj", SharedHub.PASSWORD);
        String tomorrow = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(1).withHour(9).withMinute(30)
                .format(BroadcastForm.LOCAL);
        editor.get("/console/broadcasts/new");
        HttpResponse<String> draft = editor.post("/console/broadcasts/new", form(tomorrow));
        Matcher id = Pattern.compile("/console/broadcasts/([0-9a-f]{12})/submit").matcher(draft.body());
        assertTrue(id.find(), draft.body());
        editor.post("/console/broadcasts/" + id.group(1) + "/submit", Map.of());

        ConsoleClient reviewer = new ConsoleClient();
        reviewer.login("bcc-reviewer-hb", SharedHub.PASSWORD);
        reviewer.get("/console/broadcasts/" + id.group(1));
        HttpResponse<String> approved = reviewer.post("/console/broadcasts/" + id.group(1) + "/approve", Map.of());
        assertTrue(approved.body().contains("id=\"broadcast-state\">SCHEDULED"), approved.body());
        assertTrue(approved.body().contains("(" + tomorrow + ")"), "fires tomorrow at 09:30 local time");

        HttpResponse<String> cancelled = reviewer.post("/console/broadcasts/" + id.group(1) + "/cancel", Map.of());
        assertTrue(cancelled.body().contains("id=\"broadcast-state\">CANCELLED"), cancelled.body());
        assertTrue(reviewer.get("/console/audit?action=broadcast.cancel").body().contains("bcc-reviewer-hb"));
    }

    @Test
    void anUnreadableScheduleIsShownAgainWithItsProblem() throws Exception {
        SharedHub.officer("bcc-editor-qj", Role.EDITOR, "429005000000");
        ConsoleClient editor = new ConsoleClient();
        editor.login("bcc-editor-qj", SharedHub.PASSWORD);
        editor.get("/console/broadcasts/new");
        HttpResponse<String> r = editor.post("/console/broadcasts/new", form("next tuesday"));
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("id=\"error-schedule\""), r.body());
        assertTrue(r.body().contains("value=\"next tuesday\""), "kept as typed");
    }

    @Test
    void voiceAndQuietHoursGoIntoTheBroadcastAndShowOnItsPage() throws Exception {
        SharedHub.officer("bcc-editor-qj", Role.EDITOR, "429005000000");
        ConsoleClient editor = signedIn("bcc-editor-qj");
        editor.get("/console/broadcasts/new");
        Map<String, String> f = form("2031-05-01 08:00");
        f.put("channelVOICE", "1");
        f.put("quietFrom", "21:00");
        f.put("quietTo", "7:00");
        HttpResponse<String> page = editor.post("/console/broadcasts/new", f);
        Matcher id = Pattern.compile("/console/broadcasts/([0-9a-f]{12})/submit").matcher(page.body());
        assertTrue(id.find(), page.body());
        assertTrue(page.body().contains("id=\"quiet-hours\">21:00-07:00"), page.body());
        assertTrue(page.body().contains("SMS, VOICE"), page.body());
        assertTrue(page.body().contains("id=\"voice-message\""), "says what the call will speak");

        Broadcast stored = new BroadcastStore(SharedHub.get().store()).find(id.group(1));
        assertEquals(new QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 0)), stored.quietHours());
        assertEquals(Set.of(Channel.SMS, Channel.VOICE), stored.channels());
    }

    @Test
    void badQuietHoursAreShownAgainAsTypedWithTheirProblem() throws Exception {
        SharedHub.officer("bcc-editor-qj", Role.EDITOR, "429005000000");
        ConsoleClient editor = signedIn("bcc-editor-qj");
        editor.get("/console/broadcasts/new");
        Map<String, String> f = form("2031-05-01 08:00");
        f.put("channelVOICE", "1");
        f.put("quietFrom", "25:00");
        f.put("quietTo", "07:00");
        HttpResponse<String> r = editor.post("/console/broadcasts/new", f);
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("id=\"error-quietHours\""), r.body());
        assertTrue(r.body().contains("value=\"25:00\"") && r.body().contains("value=\"07:00\""), "kept as typed");
        assertTrue(r.body().contains("id=\"channelVOICE\" name=\"channelVOICE\" value=\"1\" checked"), "voice still ticked");
        assertTrue(r.body().contains("明天上午在镇农技站举办水稻育秧培训。"), "the text is kept");
    }

    @Test
    void aBroadcastSentBackIsEditedInTheComposerAndSubmittedAgain() throws Exception {
        SharedHub.officer("bcc-editor-qj", Role.EDITOR, "429005000000");
        SharedHub.officer("bcc-reviewer-hb", Role.REVIEWER, "420000000000");
        ConsoleClient editor = signedIn("bcc-editor-qj");
        editor.get("/console/broadcasts/new");
        HttpResponse<String> draft = editor.post("/console/broadcasts/new", form("2031-06-01 08:00"));
        Matcher found = Pattern.compile("/console/broadcasts/([0-9a-f]{12})/submit").matcher(draft.body());
        assertTrue(found.find(), draft.body());
        String id = found.group(1);
        editor.post("/console/broadcasts/" + id + "/submit", Map.of());
        assertEquals(409, editor.get("/console/broadcasts/" + id + "/edit").statusCode(), "a submitted broadcast is not edited");

        ConsoleClient reviewer = signedIn("bcc-reviewer-hb");
        reviewer.get("/console/broadcasts/" + id);
        HttpResponse<String> back = reviewer.post("/console/broadcasts/" + id + "/reject", Map.of("reason", "写明培训地点"));
        assertTrue(back.body().contains("id=\"broadcast-state\">DRAFT"), back.body());

        HttpResponse<String> page = editor.get("/console/broadcasts/" + id);
        assertTrue(page.body().contains("href=\"/console/broadcasts/" + id + "/edit\""), "the author may edit it: " + page.body());
        HttpResponse<String> edit = editor.get("/console/broadcasts/" + id + "/edit");
        assertEquals(200, edit.statusCode(), edit.body());
        assertTrue(edit.body().contains("action=\"/console/broadcasts/" + id + "/edit\""), edit.body());
        assertTrue(edit.body().contains("写明培训地点"), "the reviewer's reason is shown");
        assertTrue(edit.body().contains("value=\"明日培训通知\"") && edit.body().contains("value=\"2031-06-01 08:00\""),
                "the broadcast's own values fill the form: " + edit.body());

        Map<String, String> changed = form("2031-06-01 08:00");
        changed.put("textZh", "明天上午在熊口镇农技站举办水稻育秧培训。");
        changed.put("quietFrom", "21");
        HttpResponse<String> bad = editor.post("/console/broadcasts/" + id + "/edit", changed);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("id=\"error-quietHours\"") && bad.body().contains("熊口镇"), "re-shown as typed");
        assertTrue(bad.body().contains("action=\"/console/broadcasts/" + id + "/edit\""), "still editing the same one");

        changed.put("quietFrom", "");
        HttpResponse<String> saved = editor.post("/console/broadcasts/" + id + "/edit", changed);
        assertTrue(saved.body().contains("熊口镇") && saved.body().contains("id=\"broadcast-state\">DRAFT"), saved.body());
        HttpResponse<String> again = editor.post("/console/broadcasts/" + id + "/submit", Map.of());
        assertTrue(again.body().contains("id=\"broadcast-state\">SUBMITTED"), again.body());
        assertEquals("明天上午在熊口镇农技站举办水稻育秧培训。",
                new BroadcastStore(SharedHub.get().store()).find(id).texts().get(org.sandian.content.model.Lang.ZH));

        HttpResponse<String> audit = reviewer.get("/console/audit?action=broadcast.edit");
        assertTrue(audit.body().contains("broadcast:" + id) && audit.body().contains("bcc-editor-qj"), audit.body());
        assertTrue(reviewer.get("/console/audit?action=broadcast.reject").body().contains("broadcast:" + id));
    }

    @Test
    void aRecordedMessageIsAttachedInTheComposerPlayedOnTheBroadcastPageAndKeptWhenEdited() throws Exception {
        SharedHub.officer("bcc-editor-qj", Role.EDITOR, "429005000000");
        ConsoleClient editor = signedIn("bcc-editor-qj");
        editor.get("/console/broadcasts/new");
        Map<String, String> f = form("2031-07-01 08:00");
        f.put("channelVOICE", "1");
        f.put("textEn", "Rice seedling training tomorrow morning.");
        HttpResponse<String> refused = editor.postFiles("/console/broadcasts/new", f,
                Map.of("recordingFileZh", "这不是录音".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("id=\"error-recordingZh\"") && refused.body().contains("not a WAV file"), refused.body());

        HttpResponse<String> page = editor.postFiles("/console/broadcasts/new", f, Map.of("recordingFileZh", Wav.tone(22_050, 2, 1)));
        Matcher id = Pattern.compile("/console/broadcasts/([0-9a-f]{12})/submit").matcher(page.body());
        assertTrue(id.find(), page.body());
        String url = "/console/broadcasts/" + id.group(1) + "/recordings/zh";
        assertTrue(page.body().contains("<audio id=\"recording-zh\" controls preload=\"none\" src=\"" + url + "\">"), page.body());
        assertTrue(page.body().contains("<span id=\"voice-zh\">zh: 播放录音</span>"), "the preview says the recording is played");
        assertTrue(page.body().contains("<span id=\"voice-en\">en: 朗读文字"), "English, not recorded, is spoken");
        HttpResponse<byte[]> sound = editor.http().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(SharedHub.url(url))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, sound.statusCode());
        assertEquals("audio/wav", sound.headers().firstValue("Content-Type").orElse(""));
        assertEquals(8_000, Wav.rate(sound.body()), "the converted recording, as calls play it");
        assertEquals(404, editor.get("/console/broadcasts/" + id.group(1) + "/recordings/en").statusCode());

        HttpResponse<String> edit = editor.get("/console/broadcasts/" + id.group(1) + "/edit");
        assertTrue(edit.body().contains("id=\"recordingZh-attached\""), edit.body());
        Matcher kept = Pattern.compile("name=\"recordingZh\" value=\"([^\"]+)\"").matcher(edit.body());
        assertTrue(kept.find(), edit.body());
        f.put("recordingZh", kept.group(1));
        f.put("title", "明日培训通知（改）");
        editor.post("/console/broadcasts/" + id.group(1) + "/edit", f);
        Broadcast stored = new BroadcastStore(SharedHub.get().store()).find(id.group(1));
        assertEquals("明日培训通知（改）", stored.title());
        assertEquals(Map.of(org.sandian.content.model.Lang.ZH, kept.group(1)), stored.recordings(), "kept through the edit");

        editor.get("/console/broadcasts/" + id.group(1) + "/edit");
        f.put("removeRecordingZh", "1");
        editor.post("/console/broadcasts/" + id.group(1) + "/edit", f);
        assertEquals(Map.of(), new BroadcastStore(SharedHub.get().store()).find(id.group(1)).recordings(), "removed when asked");
    }

    private static ConsoleClient signedIn(String name) throws Exception {
        ConsoleClient c = new ConsoleClient();
        c.login(name, SharedHub.PASSWORD);
        return c;
    }

    private static Map<String, String> form(String at) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", "明日培训通知");
        f.put("regions", "429005000000");
        f.put("textZh", "明天上午在镇农技站举办水稻育秧培训。");
        f.put("channelSMS", "1");
        f.put("schedule", "AT");
        f.put("at", at);
        f.put("action", "save");
        return f;
    }
}
