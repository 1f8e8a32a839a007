package org.sandian.content.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.audit.AuditRecord;
import org.sandian.content.model.LocalizedText;
import org.sandian.content.model.Notice;
import org.sandian.content.model.Status;
import org.sandian.content.snapshot.SnapshotLoader;
import org.sandian.content.store.ContentStores;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

class ContentDeskTest {

    static final String QIANJIANG = "429005000000";
    static final String CHANGSHA = "430100000000";
    static final Editor EDITOR = new Editor("li", QIANJIANG, Set.of(Editor.Right.WRITE));
    static final Editor REVIEWER = new Editor("wang", "420000000000", Set.of(Editor.Right.REVIEW, Editor.Right.WRITE));
    static final Editor VIEWER = new Editor("zhou", QIANJIANG, Set.of());

    static MongoStore store;
    static ContentStores stores;
    static AuditLog audit;
    static ContentDesk desk;
    static final List<ContentKind> changes = new ArrayList<>();

    @BeforeAll
    static void open() {
        store = TestStore.open();
        stores = new ContentStores(store);
        audit = new AuditLog(store, Clock.systemUTC());
        desk = new ContentDesk(stores, audit, Clock.systemUTC(), false, changes::add);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static Notice notice(String id, String title, List<String> scope) {
        return new Notice(id, LocalizedText.of(title, "Notice " + id), LocalizedText.of("正文", "Body"),
                LocalizedText.of("潜江市农业农村局", "Qianjiang Agriculture Bureau"), scope,
                LocalDate.now().minusDays(1), LocalDate.now().plusDays(30), List.of(), null);
    }

    @Test
    void draftIsServedOnlyAfterASecondPersonApprovesIt() {
        desk.save(EDITOR, ContentKind.NOTICE, notice("n-flood", "防汛通知", List.of(QIANJIANG)));
        desk.submit(EDITOR, ContentKind.NOTICE, "n-flood");
        assertNull(desk.liveOf(ContentKind.NOTICE, "n-flood"), "nothing live before approval");

        EditRefused self = assertThrows(EditRefused.class,
                () -> desk.approve(new Editor("li", QIANJIANG, Set.of(Editor.Right.REVIEW)), ContentKind.NOTICE, "n-flood"));
        assertTrue(self.getMessage().contains("second person"));

        desk.approve(REVIEWER, ContentKind.NOTICE, "n-flood");
        Notice live = (Notice) desk.liveOf(ContentKind.NOTICE, "n-flood");
        assertEquals(Status.PUBLISHED, live.meta().status());
        assertEquals("li", live.meta().author());
        assertTrue(changes.contains(ContentKind.NOTICE), "snapshot told to reload");
        assertEquals(1, new SnapshotLoader(stores, Clock.systemUTC()).load().notices().stream()
                .filter(n -> n.id().equals("n-flood")).count());
        List<AuditRecord> published = audit.find("wang", "content.publish", null, null, 5);
        assertEquals("notice:n-flood", published.get(0).target());
    }

    @Test
    void aNewVersionKeepsTheOldOneServedUntilApprovedAndDiffShowsTheChange() {
        desk.save(EDITOR, ContentKind.NOTICE, notice("n-subsidy", "补贴通知", List.of(QIANJIANG)));
        desk.submit(EDITOR, ContentKind.NOTICE, "n-subsidy");
        desk.approve(REVIEWER, ContentKind.NOTICE, "n-subsidy");
        desk.save(EDITOR, ContentKind.NOTICE, notice("n-subsidy", "补贴通知（修订）", List.of(QIANJIANG)));

        assertEquals("补贴通知", ((Notice) desk.liveOf(ContentKind.NOTICE, "n-subsidy")).title().zh());
        List<Revision> history = desk.history(ContentKind.NOTICE, "n-subsidy");
        assertEquals(List.of(1, 2), history.stream().map(Revision::version).toList());
        List<LineDiff.Line> diff = LineDiff.between(history.get(0).json(), history.get(1).json());
        assertTrue(diff.stream().anyMatch(l -> l.op() == '+' && l.text().contains("补贴通知（修订）")), diff.toString());
        assertTrue(diff.stream().anyMatch(l -> l.op() == '-' && l.text().contains("\"补贴通知\"")), diff.toString());
    }

    @Test
    void anOfficerCannotWriteOrApproveBeyondHisRegion() {
        EditRefused e = assertThrows(EditRefused.class,
                () -> desk.save(EDITOR, ContentKind.NOTICE, notice("n-hunan", "湖南通知", List.of(CHANGSHA))));
        assertTrue(e.getMessage().contains("region"));
        assertThrows(EditRefused.class,
                () -> desk.save(EDITOR, ContentKind.NOTICE, notice("n-all", "全国通知", List.of())));
        assertThrows(EditRefused.class,
                () -> desk.save(VIEWER, ContentKind.NOTICE, notice("n-v", "通知", List.of(QIANJIANG))));
    }

    @Test
    void withdrawnContentLeavesEveryChannelButKeepsItsHistory() {
        desk.save(EDITOR, ContentKind.NOTICE, notice("n-burn", "秸秆禁烧", List.of(QIANJIANG)));
        desk.submit(EDITOR, ContentKind.NOTICE, "n-burn");
        desk.approve(REVIEWER, ContentKind.NOTICE, "n-burn");
        desk.withdraw(REVIEWER, ContentKind.NOTICE, "n-burn");
        assertEquals(Status.WITHDRAWN, ((Notice) desk.liveOf(ContentKind.NOTICE, "n-burn")).meta().status());
        assertTrue(new SnapshotLoader(stores, Clock.systemUTC()).load().notices().stream()
                .noneMatch(n -> n.id().equals("n-burn")));
        assertEquals(1, desk.history(ContentKind.NOTICE, "n-burn").size());
    }

    @Test
    void manyApprovedInOneGoEachAuditedChannelsToldOnceAndRefusalsDoNotStopTheRest() {
        for (String id : List.of("n-bulk-1", "n-bulk-2")) {
            desk.save(EDITOR, ContentKind.NOTICE, notice(id, "批量" + id, List.of(QIANJIANG)));
            desk.submit(EDITOR, ContentKind.NOTICE, id);
        }
        desk.save(EDITOR, ContentKind.NOTICE, notice("n-bulk-draft", "草稿", List.of(QIANJIANG)));
        Editor hunan = new Editor("zhao", CHANGSHA, Set.of(Editor.Right.REVIEW));
        assertTrue(hunan.covers(List.of(CHANGSHA)));
        int told = changes.size();

        java.util.Map<String, String> out = desk.approveAll(REVIEWER, ContentKind.NOTICE,
                List.of("n-bulk-1", "n-bulk-draft", "n-bulk-2", "n-bulk-missing"));
        assertNull(out.get("n-bulk-1"));
        assertNull(out.get("n-bulk-2"));
        assertTrue(out.get("n-bulk-draft").contains("draft"), out.toString());
        assertTrue(out.get("n-bulk-missing").contains("no notice"), out.toString());
        assertEquals(Status.PUBLISHED, ((Notice) desk.liveOf(ContentKind.NOTICE, "n-bulk-2")).meta().status());
        assertEquals(told + 1, changes.size(), "the snapshot is reloaded once for the batch");
        List<String> audited = audit.find("wang", "content.publish", null, null, 50).stream().map(AuditRecord::target).toList();
        assertTrue(audited.contains("notice:n-bulk-1") && audited.contains("notice:n-bulk-2"), audited.toString());

        desk.save(EDITOR, ContentKind.NOTICE, notice("n-bulk-3", "批量3", List.of(QIANJIANG)));
        desk.submit(EDITOR, ContentKind.NOTICE, "n-bulk-3");
        assertTrue(desk.approveAll(hunan, ContentKind.NOTICE, List.of("n-bulk-3")).get("n-bulk-3").contains("region"));
        assertEquals(told + 1, changes.size(), "nothing published, nothing to reload");
    }

    @Test
    void approvingSomethingNotInReviewIsRefusedWithItsState() {
        desk.save(EDITOR, ContentKind.NOTICE, notice("n-draft", "草稿", List.of(QIANJIANG)));
        EditRefused e = assertThrows(EditRefused.class, () -> desk.approve(REVIEWER, ContentKind.NOTICE, "n-draft"));
        assertTrue(e.getMessage().contains("draft"), e.getMessage());
    }

    @Test
    void contentLoadedWithoutTheDeskCanBeEditedAsItsNextVersion() {
        Notice imported = notice("n-imported", "导入的通知", List.of(QIANJIANG));
        stores.notices().insertOne((Notice) ContentKind.NOTICE.withMeta(imported,
                org.sandian.content.model.ContentMeta.published("import", java.time.Instant.now())));
        assertEquals(1, desk.history(ContentKind.NOTICE, "n-imported").size());
        Revision next = desk.save(EDITOR, ContentKind.NOTICE, notice("n-imported", "导入的通知（改）", List.of(QIANJIANG)));
        assertEquals(2, next.version());
    }
}
