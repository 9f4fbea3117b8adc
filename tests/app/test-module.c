/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The module contract (issue 11): the registry lists the program's modules (Early Payoffs,
 * its UI class in the app), finds their synced entities, search kinds and CLI verbs; a
 * search hit of kind "tramite" opens the folio in its section; the CLI's --help lists the
 * verbs from the registry. And "Pings", a bare module that exists only here, for what the
 * example module (tests/example, HACKING.md "Adding a module") does not show: the sidebar's
 * order by position, a page that is no board, a hit opened in it, and a page of the
 * preferences window, with no line of the shared layers naming it. */
#include "config.h"

#include <adwaita.h>

#include "gest-demo.h"
#include "gest-domain-module.h"
#include "gest-module.h"
#include "gest-search.h"
#include "gest-sync-private.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-tramites-module.h"
#include "gest-tramites-page.h"
#include "gest-window.h"

/* ---- Pings: the smallest module ------------------------------------------------------- */

#define GEST_TYPE_PINGS_MODULE (gest_pings_module_get_type ())
G_DECLARE_FINAL_TYPE (GestPingsModule, gest_pings_module, GEST, PINGS_MODULE, GObject)

struct _GestPingsModule
{
  GObject parent_instance;
};

static void gest_pings_domain_iface_init (GestDomainModuleInterface *iface);
static void gest_pings_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestPingsModule, gest_pings_module, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_pings_domain_iface_init)
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_pings_module_iface_init))

/* Its migration: a synced table (uuid, updated_at, deleted, sync_version) and its search rows. */
#define PINGS_SQL                                                                           \
  "CREATE TABLE pings (uuid TEXT PRIMARY KEY NOT NULL, text TEXT NOT NULL DEFAULT '',"      \
  " deleted INTEGER NOT NULL DEFAULT 0, updated_at INTEGER NOT NULL DEFAULT 0,"             \
  " sync_version INTEGER NOT NULL DEFAULT 0);"                                              \
  "CREATE TRIGGER pings_search AFTER INSERT ON pings BEGIN"                                 \
  " INSERT INTO search_index (kind, uuid, title, body) VALUES ('ping', new.uuid, new.text, ''); END;"

static const char * const ping_columns[] = { "text", NULL };

static char *
validate_ping (JsonObject *fields,
               gboolean    deleted)
{
  const char *text = json_object_get_string_member_with_default (fields, "text", "");

  return g_str_has_prefix (text, "bad") ? g_strdup ("A ping cannot be bad.") : NULL;
}

static const GestEntityInfo ping_entities[] = {
  { "ping", "pings", ping_columns, NULL, TRUE, validate_ping },
};

static const GestSearchKind ping_kinds[] = {
  { "ping", "Ping", "emblem-ok-symbolic", NULL },
};

static const char *
pings_get_id (GestDomainModule *module)
{
  return "pings";
}

static const GestEntityInfo *
pings_get_entities (GestDomainModule *module,
                    guint            *n)
{
  *n = G_N_ELEMENTS (ping_entities);
  return ping_entities;
}

static const GestSearchKind *
pings_get_search_kinds (GestDomainModule *module,
                        guint            *n)
{
  *n = G_N_ELEMENTS (ping_kinds);
  return ping_kinds;
}

static void
gest_pings_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = pings_get_id;
  iface->get_entities = pings_get_entities;
  iface->get_search_kinds = pings_get_search_kinds;
}

static const char *
pings_get_title (GestModule *module)
{
  return "Pings";
}

static int
pings_get_position (GestModule *module)
{
  return 15;
}

static GtkWidget *
pings_create_page (GestModule  *module,
                   GestContext *context)
{
  return gtk_label_new ("pings page");
}

static gboolean
pings_open_hit (GestModule  *module,
                GestContext *context,
                GtkWidget   *page,
                const char  *kind,
                const char  *uuid)
{
  if (!g_str_equal (kind, "ping"))
    return FALSE;
  gtk_label_set_text (GTK_LABEL (page), uuid);
  return TRUE;
}

static GPtrArray *
pings_create_preferences_pages (GestModule  *module,
                                GestContext *context)
{
  GPtrArray *pages = g_ptr_array_new ();

  g_ptr_array_add (pages, g_object_new (ADW_TYPE_PREFERENCES_PAGE, "title", "Ping Settings", NULL));
  return pages;
}

static void
gest_pings_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = pings_get_title;
  iface->get_position = pings_get_position;
  iface->create_page = pings_create_page;
  iface->open_hit = pings_open_hit;
  iface->create_preferences_pages = pings_create_preferences_pages;
}

static void
gest_pings_module_class_init (GestPingsModuleClass *klass)
{
}

static void
gest_pings_module_init (GestPingsModule *self)
{
}

/* ---- Fixture --------------------------------------------------------------------------- */

typedef struct
{
  char      *tmpdir;
  GestStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->tmpdir = gest_test_tmpdir_new ();
  path = g_build_filename (f->tmpdir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (gest_store_exec (f->store, PINGS_SQL, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* The early payoffs page may finish loading on its threads after its window closed. */
  WAIT_UNTIL (G_OBJECT (f->store)->ref_count == 1);
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->tmpdir);
}

static GestWindow *
open_window (GestStore *store)
{
  GestWindow *window;

  g_assert_true (gest_store_set_setting (store, "app.first-run-done", "1", NULL));
  window = gest_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static void
close_window (gpointer window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (weak == NULL);
}

static gboolean
is_page_titled (GtkWidget     *widget,
                gconstpointer  title)
{
  return ADW_IS_PREFERENCES_PAGE (widget) &&
         g_strcmp0 (adw_preferences_page_get_title (ADW_PREFERENCES_PAGE (widget)), title) == 0;
}

/* ---- Tests ----------------------------------------------------------------------------- */

static void
test_registry_lists_tramites (void)
{
  GPtrArray *modules = gest_domain_modules_get ();
  g_autoptr(GPtrArray) ui = gest_modules_get_ui ();
  GestDomainModule *tramites = gest_domain_modules_find ("tramites");
  guint len = modules->len;

  /* The app's class replaced the domain one: one object answers both interfaces. */
  g_assert_nonnull (tramites);
  g_assert_true (GEST_IS_TRAMITES_MODULE (tramites));
  g_assert_true (GEST_IS_TRAMITES_DOMAIN (tramites));
  g_assert_true (g_ptr_array_find (ui, tramites, NULL));
  g_assert_cmpstr (gest_module_get_title (GEST_MODULE (tramites)), ==, "Early Payoffs");
  g_assert_true (gest_modules_find_ui ("tramites") == GEST_MODULE (tramites));

  /* Registering again (the domain classes after the UI ones) changes nothing. */
  gest_domain_modules_init ();
  gest_modules_init ();
  g_assert_cmpuint (gest_domain_modules_get ()->len, ==, len);
  g_assert_true (gest_domain_modules_find ("tramites") == tramites);

  /* The UI modules come by position: Early Payoffs (10) before Pings (15). */
  {
    guint a, b;

    g_assert_true (g_ptr_array_find (ui, tramites, &a));
    g_assert_true (g_ptr_array_find (ui, gest_domain_modules_find ("pings"), &b));
    g_assert_cmpuint (a, <, b);
  }
}

static void
test_registry_finds_contributions (void)
{
  const GestEntityInfo *entity = NULL;
  const GestSearchKind *kind = NULL;
  const GestCliVerb *verb = NULL;
  GestDomainModule *tramites = gest_domain_modules_find ("tramites");
  const GestReportInfo *reports;
  guint n_reports;
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autofree char *reason = NULL;

  g_assert_true (gest_domain_modules_find_entity ("tramite", &entity) == tramites);
  g_assert_cmpstr (entity->table, ==, "tramites");
  g_assert_true (g_strv_contains ((const char * const *) entity->columns, "folio"));
  /* The sync finds the modules' entities through the registry, and its shared ones itself. */
  g_assert_true (gest_sync_entity_find ("tramite") == entity);
  g_assert_nonnull (gest_sync_entity_find ("customer"));
  g_assert_null (gest_domain_modules_find_entity ("customer", NULL));
  g_assert_nonnull (gest_sync_entity_find ("ping"));
  g_assert_null (gest_sync_entity_find ("frobnicator"));

  /* Issue 16.6, through the module: a trámite at step 9 is refused. */
  json_object_set_int_member (fields, "step", 9);
  reason = gest_sync_validate_change ("tramite", "0b1c", FALSE, fields);
  g_assert_cmpstr (reason, ==, "“step” is 9, not a step from 1 to 8.");
  g_clear_pointer (&reason, g_free);
  reason = gest_sync_validate_change ("customer", "0b1c", FALSE, fields);
  g_assert_null (reason);

  g_assert_true (gest_domain_modules_find_search_kind ("tramite", &kind) == tramites);
  g_assert_cmpstr (kind->label, ==, "Early payoff");
  g_assert_nonnull (kind->code_sql);
  g_assert_true (gest_search_kind_lookup ("tramite") == kind);
  g_assert_cmpstr (gest_search_kind_lookup (GEST_HIT_CUSTOMER)->label, ==, "Customer");
  g_assert_null (gest_search_kind_lookup ("frobnicator"));

  g_assert_true (gest_domain_modules_find_cli_verb ("tramite", &verb) == tramites);
  g_assert_nonnull (verb->run);
  g_assert_null (gest_domain_modules_find_cli_verb ("user", NULL));

  /* Every report of the module is a query the schema answers. */
  reports = gest_domain_module_get_reports (tramites, &n_reports);
  g_assert_cmpuint (n_reports, >=, 1);
  {
    g_autofree char *dir = gest_test_tmpdir_new ();
    g_autofree char *path = g_build_filename (dir, "r.db", NULL);
    GestStore *store = gest_store_open (path, NULL);

    for (guint i = 0; i < n_reports; i++)
      {
        g_autoptr(GError) error = NULL;
        sqlite3_stmt *stmt = gest_store_prepare (store, reports[i].sql, &error);

        g_assert_no_error (error);
        g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
        sqlite3_finalize (stmt);
      }
    g_assert_finalize_object (store);
    gest_test_tmpdir_free (g_steal_pointer (&dir));
  }
}

/* T6 through the contract: a hit of kind "tramite" opens the folio in Early Payoffs. */
static void
test_folio_hit_opens_tramite (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GestWindow *window;
  GtkWidget *page;
  g_autofree char *folio = NULL;
  g_autofree char *uuid = NULL;

  g_assert_true (gest_demo_fill (f->store, 20, 1, NULL, &error));
  {
    sqlite3_stmt *stmt = gest_store_prepare (f->store, "SELECT uuid, folio FROM tramites LIMIT 1", NULL);

    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    folio = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    sqlite3_finalize (stmt);
  }
  /* The search finds the folio with the module's kind. */
  hits = gest_search_run (f->store, folio, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 1);
  g_assert_cmpstr (((GestSearchHit *) hits->pdata[0])->kind, ==, "tramite");
  g_assert_cmpstr (((GestSearchHit *) hits->pdata[0])->uuid, ==, uuid);
  g_assert_true (g_str_has_prefix (((GestSearchHit *) hits->pdata[0])->subtitle, "Early payoff · "));

  /* The demonstration data has users: someone signs in (issue 12). */
  gest_test_sign_in (f->store, GEST_ROLE_GENERAL_MANAGER);
  window = open_window (f->store);
  gest_window_set_section (window, "pings");
  gest_window_show_record (window, "tramite", uuid);
  g_assert_cmpstr (gest_window_get_section (window), ==, "tramites");
  page = gest_window_get_section_page (window, "tramites");
  g_assert_true (GEST_IS_TRAMITES_PAGE (page));
  g_assert_cmpstr (gest_tramites_page_get_visible (GEST_TRAMITES_PAGE (page)), ==, "detail");
  close_window (window);
}

/* Pings: its section in the sidebar by position, its page, its hit, its synced entity. */
static void
test_tiny_module (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GestSyncApplier) applier = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GestWindow *window;
  GtkWidget *page;

  /* A ping pulled from the server is applied; a bad one is not. */
  g_assert_true (gest_store_begin (f->store, TRUE, &error));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO sync_applying (one) VALUES (1)", &error));
  applier = gest_sync_applier_new (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"entity\": \"ping\", \"uuid\": \"0a1b\", \"version\": 3,"
                                             " \"fields\": {\"text\": \"hello from the server\"}}", -1, &error));
  g_assert_true (gest_sync_apply_change (applier, json_node_get_object (json_parser_get_root (parser)), &error));
  g_assert_true (json_parser_load_from_data (parser,
                                             "{\"entity\": \"ping\", \"uuid\": \"0a1c\", \"version\": 4,"
                                             " \"fields\": {\"text\": \"bad ping\"}}", -1, &error));
  g_assert_true (gest_sync_apply_change (applier, json_node_get_object (json_parser_get_root (parser)), &error));
  g_assert_true (gest_store_exec (f->store, "DELETE FROM sync_applying", &error));
  g_assert_true (gest_store_commit (f->store, &error));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT sync_version FROM pings WHERE uuid = '0a1b'"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM pings WHERE uuid = '0a1c'"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_log WHERE kind = 'not-applied'"
                                                  " AND entity = 'ping'"), ==, 1);

  /* The search finds it with its kind and label. */
  hits = gest_search_run (f->store, "hello", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpstr (((GestSearchHit *) hits->pdata[0])->kind, ==, "ping");
  g_assert_cmpstr (((GestSearchHit *) hits->pdata[0])->subtitle, ==, "Ping · ");

  /* Its section, after Early Payoffs and before the planned ones; its page opens its hit. */
  window = open_window (f->store);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label, "Pings"));
  page = gest_window_get_section_page (window, "pings");
  g_assert_true (GTK_IS_LABEL (page));
  gest_window_show_record (window, "ping", "0a1b");
  g_assert_cmpstr (gest_window_get_section (window), ==, "pings");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (page)), ==, "0a1b");

  /* The preferences window asks the modules for their pages. */
  {
    GestPreferencesWindow *prefs = gest_window_open_preferences (window);

    WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (prefs)));
    g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (prefs), is_page_titled, "Ping Settings"));
    close_window (prefs);
  }
  close_window (window);
}

/* The CLI's verbs come from the registry: --help lists the module's, and it runs. */
static void
test_cli_help_lists_verbs (void)
{
  const char *help[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (gest_test_run_cli (help, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\n  tramite COMMAND …"));
  g_assert_nonnull (strstr (out, "early-payoff trámites (gestiona-cli tramite --help)\n"));
  g_assert_nonnull (strstr (out, "\n  user "));
  g_assert_nonnull (strstr (out, "\n  sync "));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  gest_modules_init ();
  {
    g_autoptr(GestPingsModule) pings = g_object_new (GEST_TYPE_PINGS_MODULE, NULL);

    gest_domain_modules_add (GEST_DOMAIN_MODULE (pings));
  }

  g_test_add_func ("/module/registry/lists-tramites", test_registry_lists_tramites);
  g_test_add_func ("/module/registry/entities-search-kinds-verbs-reports", test_registry_finds_contributions);
  g_test_add ("/module/window/T6/folio-hit-opens-tramite", Fixture, NULL, fixture_setup,
              test_folio_hit_opens_tramite, fixture_teardown);
  g_test_add ("/module/tiny-module/registers-syncs-is-found", Fixture, NULL, fixture_setup,
              test_tiny_module, fixture_teardown);
  g_test_add_func ("/module/cli/help-lists-verbs", test_cli_help_lists_verbs);

  return g_test_run ();
}
