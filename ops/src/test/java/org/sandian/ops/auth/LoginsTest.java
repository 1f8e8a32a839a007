package org.sandian.ops.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.store.MongoStore;
import org.sandian.content.testing.TestStore;

class LoginsTest {

    static MongoStore store;
    static UserStore users;
    static AuditLog audit;
    static final PasswordHasher hasher = new PasswordHasher(1_000); // fast for tests; production uses 210,000

    @BeforeAll
    static void open() {
        store = TestStore.open();
        users = new UserStore(store);
        audit = new AuditLog(store, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static void addUser(String name, String password) {
        users.add(new User(name, hasher.hash(password), Role.EDITOR, "429005000000", 0, null, Instant.now(), false));
    }

    @Test
    void passwordsAreStoredOnlyAsSlowSaltedHashes() {
        String a = new PasswordHasher().hash("correct horse battery");
        String b = new PasswordHasher().hash("correct horse battery");
        assertTrue(a.startsWith("$pbkdf2$it=210000$"), a);
        assertNotEquals(a, b, "salted");
        assertTrue(new PasswordHasher().verify(a, "correct horse battery"));
    }

    @Test
    void rightPasswordSignsInWithRoleAndRegion() {
        addUser("wanglin", "qianjiang-2026");
        LoginResult r = new Logins(users, hasher, audit, Clock.systemUTC()).login("wanglin", "qianjiang-2026", "test");
        assertEquals(LoginResult.Outcome.OK, r.outcome());
        assertEquals(new Officer("wanglin", Role.EDITOR, "429005000000"), r.officer());
        assertEquals("login", audit.find("wanglin", "login", null, null, 1).get(0).action());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        addUser("zhaoli", "jiangxia-2026");
        Instant t0 = Instant.parse("2026-11-22T01:00:00Z");
        Logins logins = new Logins(users, hasher, audit, Clock.fixed(t0, ZoneOffset.UTC));
        for (int i = 1; i < Logins.LOCK_AFTER; i++) {
            assertEquals(LoginResult.Outcome.REFUSED, logins.login("zhaoli", "guess" + i, "test").outcome());
        }
        assertEquals(LoginResult.Outcome.LOCKED, logins.login("zhaoli", "guess5", "test").outcome());
        assertEquals(LoginResult.Outcome.LOCKED, logins.login("zhaoli", "jiangxia-2026", "test").outcome());
        Logins later = new Logins(users, hasher, audit, Clock.fixed(t0.plus(Logins.LOCK_FOR).plus(Duration.ofSeconds(1)), ZoneOffset.UTC));
        assertEquals(LoginResult.Outcome.OK, later.login("zhaoli", "jiangxia-2026", "test").outcome());
    }

    @Test
    void unknownUserIsRefusedLikeAWrongPassword() {
        LoginResult r = new Logins(users, hasher, audit, Clock.systemUTC()).login("nobody", "whatever-123", "test");
        assertEquals(LoginResult.Outcome.REFUSED, r.outcome());
    }

    @Test
    void tokensAreStoredHashedAndFindTheirUser() {
        ApiTokens tokens = new ApiTokens(store, Clock.systemUTC());
        String token = tokens.create("wanglin");
        assertTrue(token.startsWith("sd_") && token.length() > 40);
        assertEquals("wanglin", tokens.userOf(token).orElseThrow());
        assertTrue(tokens.userOf(token + "x").isEmpty());
        assertTrue(store.database().getCollection("api_tokens").find(new org.bson.Document("_id", token)).first() == null);
    }

    @Test
    void weakPasswordsAreRefusedWithAReason() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> PasswordPolicy.check("li", "short"));
        assertTrue(e.getMessage().contains("at least"));
    }

    @Test
    void parallelGuessesEachCountTowardsTheLock() throws Exception {
        addUser("sunqi", "honghu-2026-pass");
        Logins logins = new Logins(users, hasher, audit, Clock.systemUTC());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Logins.LOCK_AFTER);
        java.util.List<java.util.concurrent.Future<LoginResult>> guesses = new java.util.ArrayList<>();
        for (int i = 0; i < Logins.LOCK_AFTER; i++) {
            String guess = "parallel-guess-" + i;
            guesses.add(pool.submit(() -> logins.login("sunqi", guess, "test")));
        }
        for (java.util.concurrent.Future<LoginResult> g : guesses) g.get();
        pool.shutdown();
        assertEquals(LoginResult.Outcome.LOCKED, logins.login("sunqi", "honghu-2026-pass", "test").outcome());
    }
}
