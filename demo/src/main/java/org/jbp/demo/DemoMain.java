package org.jbp.demo;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jbp.demo.data.DemoDataLoader;
import org.jbp.demo.data.FirstSync;
import org.jbp.demo.data.HttpJbpApi;
import org.jbp.demo.runtime.JbpStack;
import org.jbp.demo.runtime.SigningKeys;
import org.jbp.demo.salesforce.DemoSalesforceOrg;
import org.jbp.demo.salesforce.DemoUsers;

/**
 * The one-command demo: the Salesforce simulator with a generated partner program, PostgreSQL keeping its data in
 * {@code .demo-data}, Payara Micro with the WAR, demo data loaded through the API on first run, and a token per
 * role printed. Runs until Ctrl-C, then stops all three.
 */
public final class DemoMain {

    private final DemoSettings settings;
    private final PrintStream out;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile DemoSalesforceOrg salesforce;
    private volatile JbpStack stack;

    private DemoMain(DemoSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        // Straight to the terminal: under exec:java System.out is Maven's stream, which is gone by the time a
        // shutdown hook wants to say "stopped".
        PrintStream console = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
        DemoMain demo = new DemoMain(DemoSettings.fromSystemProperties(), console);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::stop, "jbp-demo-stop"));
        try {
            demo.start();
        } catch (Exception | Error e) {
            demo.stop();
            throw e;
        }
        demo.runUntilStopped();
    }

    private void start() throws IOException, InterruptedException {
        out.println("Starting the Salesforce simulator on 127.0.0.1:" + settings.simulatorPort());
        salesforce = DemoSalesforceOrg.start(settings.simulatorPort(), settings.seed());
        DemoUsers users = salesforce.users();
        // installed as INSTALL.md says (server-managed pool, batch job repository in PostgreSQL), every scheduler
        // at its shipped default
        stack = JbpStack.start(new JbpStack.Settings(settings.dataDirectory(), settings.runtimeDirectory(),
                settings.httpPort(), true, DemoSettings.ISSUER,
                Map.of("JBP_SALESFORCE_LOGIN_URL", salesforce.soapEndpoint(),
                        "JBP_SALESFORCE_USERNAME", DemoSalesforceOrg.USERNAME,
                        "JBP_SALESFORCE_PASSWORD", DemoSalesforceOrg.PASSWORD,
                        "JBP_DEMO_ENABLED", "true",
                        "JBP_OPENAPI_UI_ENABLED", "true",
                        "JBP_DEMO_USERS", demoLogin(users)),
                List.of("-Xmx768m"), Duration.ofMinutes(5), settings.postBootCommands()), out::println);

        SigningKeys keys = stack.keys();
        Duration validity = Duration.ofDays(settings.tokenDays());
        Tokens tokens = new Tokens(
                keys.token(users.admin().id(), users.admin().name(), List.of("jbp-admin"), null, validity),
                keys.token(users.channelManager().id(), users.channelManager().name(), List.of("channel-manager"),
                        null, validity),
                keys.token(users.approver().id(), users.approver().name(), List.of("approver"), null, validity),
                keys.token(users.partnerUser().id(), users.partnerUser().name(), List.of("partner"),
                        users.partnerOfUser().accountId(), validity));

        out.println("Loading demo data through the API (first run only)");
        DemoDataLoader loader = new DemoDataLoader(new HttpJbpApi(stack.baseUri()),
                new DemoDataLoader.Tokens(tokens.admin(), tokens.channelManager(), tokens.approver(),
                        account -> account.equals(users.partnerOfUser().accountId()) ? tokens.partner()
                                : keys.token(users.partnerUserOf(account).id(), users.partnerUserOf(account).name(),
                                        List.of("partner"), account, Duration.ofHours(1))),
                LocalDate.now(ZoneOffset.UTC).getYear() + 1);
        DemoDataLoader.Result result;
        try {
            result = loader.loadIfEmpty(salesforce.partners(), users.approver().id());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Loading the demo data failed (delete " + settings.dataDirectory()
                    + " to start over with an empty database): " + e.getMessage(), e);
        }
        out.println("Syncing KPIs from the Salesforce simulator (a full run)");
        FirstSync.Outcome synced = new FirstSync(new HttpJbpApi(stack.baseUri()), tokens.admin(),
                Duration.ofMinutes(5)).run();
        Path tokenFile = writeTokenFile(tokens, users);
        printBanner(result, synced, tokens, users, tokenFile);
    }

    /** The tab's demo login offers exactly the people the tokens are printed for (DemoServlet, jbp.demo.users). */
    private static String demoLogin(DemoUsers users) {
        return String.join(";",
                "channel-manager|" + users.channelManager().id() + "|" + users.channelManager().name(),
                "approver|" + users.approver().id() + "|" + users.approver().name(),
                "partner|" + users.partnerUser().id() + "|" + users.partnerUser().name() + "|"
                        + users.partnerOfUser().accountId(),
                "admin|" + users.admin().id() + "|" + users.admin().name());
    }

    private record Tokens(String admin, String channelManager, String approver, String partner) {
    }

    /** Shell exports of the tokens, so a second terminal can {@code source} them. Same folder as the private key. */
    private Path writeTokenFile(Tokens tokens, DemoUsers users) throws IOException {
        Path file = settings.dataDirectory().resolve("tokens.env");
        Files.writeString(file, String.join("\n",
                "# written by the JBP demo; valid " + settings.tokenDays() + " days",
                "export JBP_URL=" + stack.baseUri() + "/jbp/api/v1",
                "export JBP_ADMIN_TOKEN=" + tokens.admin(),
                "export JBP_CAM_TOKEN=" + tokens.channelManager(),
                "export JBP_APPROVER_TOKEN=" + tokens.approver(),
                "export JBP_PARTNER_TOKEN=" + tokens.partner(),
                "export JBP_PARTNER_ACCOUNT=" + users.partnerOfUser().accountId(), ""));
        return file;
    }

    private void printBanner(DemoDataLoader.Result result, FirstSync.Outcome synced, Tokens tokens, DemoUsers users,
                             Path tokenFile) {
        String base = stack.baseUri().toString();
        String api = base + "/jbp/api/v1";
        out.println();
        out.println("================ JBP demo is running ================");
        out.println("App:          " + base + "/jbp/" + (answers200(base + "/jbp/") ? ""
                : "   (no start page in this WAR yet: use the API below)"));
        out.println("Plan tab:     " + base + "/jbp/demo   (demo login: pick a person, see the tab as in Salesforce)");
        out.println("REST API:     " + api);
        out.println("OpenAPI:      " + base + "/openapi   (browsable: " + base + "/jbp/api-docs; authorize with a token"
                + " below)");
        out.println("Health:       " + base + "/jbp/health/ready");
        out.println("Salesforce:   " + salesforce.baseUrl() + " (simulator; SOAP login " + salesforce.soapEndpoint()
                + " as " + DemoSalesforceOrg.USERNAME + " / " + DemoSalesforceOrg.PASSWORD
                + "; records: " + salesforce.baseUrl() + "/sim/admin/records/Account)");
        out.println("Logs:         " + stack.payara().logFile() + " and "
                + settings.dataDirectory().resolve("logs").resolve("postgres.log"));
        out.println("Data:         " + (result.loaded() ? "loaded now" : "kept from an earlier run") + ": "
                + result.partners() + " partners, " + result.templates() + " templates, plans by status "
                + result.plansByStatus());
        out.println("Lifecycle:    " + result.lifecycle());
        out.println("KPI sync:     " + synced.status() + " in " + synced.took().toSeconds() + " s (" + synced.partners()
                + " partners, " + synced.apiCalls() + " Salesforce API calls); the scheduler syncs hourly from now on");
        out.println();
        out.println("Who sees what in the plan tab (" + base + "/jbp/demo, pick the person):");
        out.println("  " + users.channelManager().name() + ", channel manager: owns every demo partner; the portfolio,"
                + " the ACTIVE plans with live actuals, drafts to edit and submit");
        out.println("  " + users.approver().name() + ", approver: decides every step of the demo approval chains; opens the plan"
                + " waiting in approval and approves, rejects or asks for a revision (with a reason)");
        out.println("  " + users.partnerUser().name() + ", partner user: only " + users.partnerOfUser().name()
                + "'s plans; comments, edits the draft, accepts");
        out.println("  " + users.admin().name() + ", JBP admin: every plan, templates, sync runs, CRM writes");
        out.println();
        out.println("Bearer tokens (valid " + settings.tokenDays() + " days; `source " + tokenFile
                + "` exports them):");
        out.println("  admin            " + users.admin().name() + " (" + users.admin().id() + ")");
        out.println("    " + tokens.admin());
        out.println("  channel manager  " + users.channelManager().name() + " (" + users.channelManager().id()
                + "), owns every demo partner");
        out.println("    " + tokens.channelManager());
        out.println("  approver         " + users.approver().name() + " (" + users.approver().id() + ")");
        out.println("    " + tokens.approver());
        out.println("  partner user     " + users.partnerUser().name() + " (" + users.partnerUser().id()
                + "), partner account " + users.partnerOfUser().accountId());
        out.println("    " + tokens.partner());
        out.println();
        out.println("Try:");
        out.println("  source " + tokenFile);
        out.println("  curl -s -H \"Authorization: Bearer $JBP_CAM_TOKEN\" " + api + "/plans");
        out.println("  curl -s -H \"Authorization: Bearer $JBP_PARTNER_TOKEN\" " + api + "/partners/"
                + users.partnerOfUser().accountId() + "/plans");
        out.println();
        out.println("Press Ctrl-C to stop (the data stays in " + settings.dataDirectory() + ").");
    }

    private static boolean answers200(String url) {
        try {
            HttpResponse<Void> reply = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.discarding());
            return reply.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Blocks until Ctrl-C; should Payara stop by itself, says so and stops the rest. */
    private void runUntilStopped() throws InterruptedException {
        while (!stopping.get()) {
            if (!stack.payara().isAlive() && !stopping.get()) {
                Thread.sleep(500); // a Ctrl-C reaches Payara and this JVM together; let the hook claim it
                if (!stopping.get()) {
                    out.println("Payara Micro stopped by itself; see " + stack.payara().logFile());
                    stop();
                }
                return;
            }
            Thread.sleep(1_000);
        }
    }

    /** Stops Payara, then PostgreSQL and the simulator; safe to call twice. Each step runs whatever the last did. */
    private void stop() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        out.println("Stopping the JBP demo ...");
        if (stack != null) {
            try {
                stack.close();
            } catch (IOException | RuntimeException e) {
                out.println("Stopping Payara Micro or PostgreSQL failed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (salesforce != null) {
            try {
                salesforce.close();
            } catch (RuntimeException e) {
                out.println("Stopping the Salesforce simulator failed: " + e);
            }
        }
        out.println("Stopped.");
    }
}
