package org.sandian.ops.auth;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sandian.content.store.MongoStore;

/** Officers' accounts, keyed by user name. Blocking: call from a worker. */
public final class UserStore {

    private final MongoCollection<User> users;

    public UserStore(MongoStore store) {
        this.users = store.collection("users", User.class);
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(users.find(eq("_id", name)).first());
    }

    /** Adds a new user; false when the name is taken. */
    public boolean add(User user) {
        try {
            users.insertOne(user);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) return false;
            throw e;
        }
    }

    public void save(User user) {
        users.replaceOne(eq("_id", user.name()), user);
    }

    /**
     * Counts one more failed login in a single atomic update, so parallel guesses each count; returns
     * the user as it now stands, or empty for an unknown name.
     */
    public Optional<User> countFailure(String name) {
        return Optional.ofNullable(users.findOneAndUpdate(eq("_id", name), Updates.inc("failedLogins", 1),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
    }

    /** Locks the account until {@code until} and starts counting afresh. */
    public void lock(String name, java.time.Instant until) {
        users.updateOne(eq("_id", name), Updates.combine(Updates.set("lockedUntil", until), Updates.set("failedLogins", 0)));
    }

    /** A successful login clears the failures and any lock. */
    public void clearFailures(String name) {
        users.updateOne(eq("_id", name), Updates.combine(Updates.set("lockedUntil", null), Updates.set("failedLogins", 0)));
    }

    public List<User> all() {
        return users.find().sort(Sorts.ascending("_id")).batchSize(500).into(new ArrayList<>());
    }
}
