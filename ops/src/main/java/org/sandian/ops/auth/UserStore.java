package org.sandian.ops.auth;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
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

    public List<User> all() {
        return users.find().sort(Sorts.ascending("_id")).batchSize(500).into(new ArrayList<>());
    }
}
