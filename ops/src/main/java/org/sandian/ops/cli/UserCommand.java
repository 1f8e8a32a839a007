package org.sandian.ops.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.sandian.content.audit.AuditLog;
import org.sandian.content.bus.PhoneMask;
import org.sandian.content.model.RegionCode;
import org.sandian.content.store.MongoStore;
import org.sandian.ops.auth.ApiTokens;
import org.sandian.ops.auth.PasswordHasher;
import org.sandian.ops.auth.PasswordPolicy;
import org.sandian.ops.auth.ReporterPhones;
import org.sandian.ops.auth.Role;
import org.sandian.ops.auth.User;
import org.sandian.ops.auth.UserStore;
import org.sandian.ops.hub.StoreAccess;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sandian user add|token|list}: officers' accounts. There is no default account or password. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage officers' accounts and API tokens.",
        subcommands = {UserCommand.Add.class, UserCommand.Token.class, UserCommand.ListUsers.class})
public final class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say add, token or list");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Create a user. The password is read from the terminal, or from standard input with --password-stdin.")
    static final class Add implements Callable<Integer> {

        @Mixin
        HubOptions hub;

        @Parameters(index = "0", paramLabel = "NAME", description = "user name")
        String name;

        @Option(names = "--role", required = true, description = "admin, editor, reviewer, reporter, agent or viewer")
        String role;

        @Option(names = "--region", required = true, description = "12-digit region code of the user's scope")
        String region;

        @Option(names = "--password-stdin", description = "read the password from the first line of standard input")
        boolean passwordStdin;

        @Option(names = "--phone", description = "a reporter's mobile number: prices texted from it (报价 玉米 武汉 1.25)"
                + " arrive in review as this user's")
        String phone;

        @Override
        public Integer call() throws IOException {
            Role parsedRole;
            try {
                parsedRole = Role.parse(role);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            }
            if (!RegionCode.isValid(region)) {
                System.err.println("--region must be a 12-digit region code (e.g. 429005000000), got '" + region + "'");
                return 2;
            }
            if (!name.matches("[\\p{L}\\p{N}._-]{2,40}")) {
                System.err.println("the user name must be 2 to 40 letters, digits, '.', '_' or '-'");
                return 2;
            }
            if (phone != null) {
                try {
                    org.sandian.broadcast.subscriber.PhoneNumbers.normalize(phone);
                } catch (RuntimeException e) {
                    System.err.println("--phone: " + e.getMessage());
                    return 2;
                }
            }
            String password = readPassword();
            if (password == null) return 2;
            try {
                PasswordPolicy.check(name, password);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 1;
            }
            try (MongoStore store = StoreAccess.open(hub.load())) {
                Clock clock = Clock.systemUTC();
                User user = new User(name, new PasswordHasher().hash(password), parsedRole, region, 0, null,
                        clock.instant(), false);
                if (!new UserStore(store).add(user)) {
                    System.err.println("user '" + name + "' already exists");
                    return 1;
                }
                if (phone != null) new ReporterPhones(store).link(phone, name);
                new AuditLog(store, clock).record("cli", "user.add", "user:" + name, region, null,
                        "role=" + parsedRole.key() + " region=" + region + (phone == null ? "" : " phone=" + PhoneMask.mask(phone)));
                System.out.println("user " + name + " added: role " + parsedRole.key() + ", region " + region);
                return 0;
            }
        }

        private String readPassword() throws IOException {
            if (passwordStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    System.err.println("no password on standard input");
                    return null;
                }
                return line;
            }
            Console console = System.console();
            if (console == null) {
                System.err.println("no terminal to ask for the password: use --password-stdin");
                return null;
            }
            char[] first = console.readPassword("password for %s: ", name);
            char[] again = console.readPassword("again: ");
            if (first == null || !Arrays.equals(first, again)) {
                System.err.println("the passwords differ");
                return null;
            }
            return new String(first);
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "Create an API bearer token for a user; it is printed once and stored only as a hash.")
    static final class Token implements Callable<Integer> {

        @Mixin
        HubOptions hub;

        @Parameters(index = "0", paramLabel = "NAME", description = "user name")
        String name;

        @Override
        public Integer call() {
            try (MongoStore store = StoreAccess.open(hub.load())) {
                if (new UserStore(store).find(name).isEmpty()) {
                    System.err.println("no user '" + name + "'");
                    return 1;
                }
                Clock clock = Clock.systemUTC();
                String token = new ApiTokens(store, clock).create(name);
                new AuditLog(store, clock).record("cli", "user.token", "user:" + name, null, null, "token created");
                System.out.println(token);
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List users.")
    static final class ListUsers implements Callable<Integer> {

        @Mixin
        HubOptions hub;

        @Override
        public Integer call() {
            try (MongoStore store = StoreAccess.open(hub.load())) {
                for (User u : new UserStore(store).all()) {
                    System.out.printf("%-20s %-9s %s%s%n", u.name(), u.role().key(), u.regionCode(),
                            u.disabled() ? " (disabled)" : "");
                }
                return 0;
            }
        }
    }
}
