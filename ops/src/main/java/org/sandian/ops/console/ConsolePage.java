package org.sandian.ops.console;

import io.vertx.ext.web.Router;

/** A group of console pages that mounts its own routes (behind the sign-in check). */
interface ConsolePage {

    void mount(Router r);
}
