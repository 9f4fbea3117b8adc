/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 11: a module is a folder and one registration line. "Notes", the example module of
 * HACKING.md ("Adding a module"), exists only in this folder: gest-example-module.c (its
 * domain and UI parts), example.sql (its migration). It registers (its section in the
 * sidebar, a board page), shows a board with two columns and moves a note between them,
 * syncs its one entity and is found by the search. */
#include "config.h"

#include <adwaita.h>

#include "gest-board-card.h"
#include "gest-board-page.h"
#include "gest-example-module.h"
#include "gest-module.h"
#include "gest-record-detail.h"
#include "gest-search.h"
#include "gest-sql-board-source.h"
#include "gest-sync-private.h"
#include "gest-test-util.h"
#include "gest-test-widgets.h"
#include "gest-window.h"

typedef struct
{
  char      *tmpdir;
  GestStore *store;
} Fixture;

/* A store with the example's migration applied, as the store applies a real module's. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  f->tmpdir = gest_test_tmpdir_new ();
  path = g_build_filename (f->tmpdir, "gestiona.db", NULL);
  f->store = gest_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "example", "example.sql", NULL),
                                      &sql, NULL, &error));
  g_assert_true (gest_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
  g_assert_true (gest_store_set_setting (f->store, "app.first-run-done", "1", &error));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  /* Board loads may come back on their threads after the window closed. */
  WAIT_UNTIL (G_OBJECT (f->store)->ref_count == 1);
  g_assert_finalize_object (f->store);
  gest_test_tmpdir_free (f->tmpdir);
}

static void
insert_note (GestStore  *store,
             const char *uuid,
             const char *title,
             int         state)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO example_notes (uuid, title, state, updated_at)"
                                          " VALUES ('%s', '%s', %d, %" G_GINT64_FORMAT ")",
                                          uuid, title, state, g_get_real_time ());

  g_assert_true (gest_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

/* Three notes: two to do, one done. */
static void
insert_three_notes (GestStore *store)
{
  insert_note (store, "n1", "Buy milk", 0);
  insert_note (store, "n2", "Call the bank", 0);
  insert_note (store, "n3", "Water the plants", 1);
}

static GestWindow *
open_window (GestStore *store)
{
  GestWindow *window;

  /* As in the app: the window writes only through the store's writer thread. */
  g_assert_true (gest_store_set_read_only (store, TRUE, NULL));
  window = gest_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static void
close_window (GestWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  WAIT_UNTIL (weak == NULL);
}

static void
wait_loaded (GestBoard *board)
{
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
  WAIT_UNTIL (!gest_board_get_loading (board));
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* The Notes section shown, its board loaded. */
static GestBoardPage *
show_notes (GestWindow *window)
{
  GtkWidget *page;

  gest_window_set_section (window, GEST_EXAMPLE_MODULE_ID);
  page = gest_window_get_section_page (window, GEST_EXAMPLE_MODULE_ID);
  g_assert_true (GEST_IS_BOARD_PAGE (page));
  wait_loaded (gest_board_page_get_board (GEST_BOARD_PAGE (page)));
  return GEST_BOARD_PAGE (page);
}

/* A card on screen showing the note @title. */
static gboolean
is_card_titled (GtkWidget     *widget,
                gconstpointer  title)
{
  GestBoardItem *item;

  if (!GEST_IS_BOARD_CARD (widget) || !gtk_widget_get_mapped (widget))
    return FALSE;
  item = gest_board_card_get_item (GEST_BOARD_CARD (widget));
  return item != NULL && g_strcmp0 (gest_board_item_get_title (item), title) == 0;
}

static gboolean
column_shows (GestBoard  *board,
              guint       column,
              const char *title)
{
  return gest_test_find_widget (GTK_WIDGET (gest_board_get_column (board, column)), is_card_titled, title) != NULL;
}

static const char *
count_text (GestBoard *board,
            guint      column)
{
  return gest_board_column_get_count_text (gest_board_get_column (board, column));
}

/* ---- Tests ----------------------------------------------------------------------------- */

/* One registration, and the module is everywhere: the registries, the sidebar, its page. */
static void
test_registers (Fixture       *f,
                gconstpointer  data)
{
  GestDomainModule *module = gest_domain_modules_find (GEST_EXAMPLE_MODULE_ID);
  const GestEntityInfo *entity = NULL;
  const GestSearchKind *kind = NULL;
  GestWindow *window;
  GestBoardPage *page;

  g_assert_true (GEST_IS_EXAMPLE_MODULE (module));
  g_assert_true (gest_modules_find_ui (GEST_EXAMPLE_MODULE_ID) == GEST_MODULE (module));
  g_assert_true (gest_domain_modules_find_entity ("note", &entity) == module);
  g_assert_cmpstr (entity->table, ==, "example_notes");
  g_assert_true (gest_domain_modules_find_search_kind ("note", &kind) == module);
  g_assert_cmpstr (kind->label, ==, "Note");

  window = open_window (f->store);
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (window), gest_test_is_visible_label, "Notes"));
  page = show_notes (window);
  g_assert_cmpstr (gest_window_get_section (window), ==, GEST_EXAMPLE_MODULE_ID);
  g_assert_cmpstr (gest_board_page_get_title (page), ==, "Notes");
  /* No note yet: the module's empty state. */
  g_assert_cmpstr (gest_board_page_get_content (page), ==, "empty");
  g_assert_nonnull (gest_test_find_widget (GTK_WIDGET (page), gest_test_is_visible_label, "No Notes Yet"));
  close_window (window);
}

/* Two columns from the notes' state, with their counts and cards; a move to Done writes the
 * row through the store's writer and the counts follow. */
static void
test_board_two_columns (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GestWindow *window;
  GestBoardPage *page;
  GestBoard *board;
  GestBoardSource *source;
  gint64 id;

  insert_three_notes (f->store);
  window = open_window (f->store);
  page = show_notes (window);
  board = gest_board_page_get_board (page);
  source = gest_board_get_source (board);

  g_assert_cmpstr (gest_board_page_get_content (page), ==, "board");
  g_assert_cmpuint (gest_board_get_n_columns (board), ==, 2);
  g_assert_cmpstr (gest_board_source_get_column_title (source, 0), ==, "To Do");
  g_assert_cmpstr (gest_board_source_get_column_title (source, 1), ==, "Done");
  g_assert_cmpstr (count_text (board, 0), ==, "2");
  g_assert_cmpstr (count_text (board, 1), ==, "1");
  g_assert_cmpuint (gest_board_get_n_items (board), ==, 3);
  g_assert_true (column_shows (board, 0, "Buy milk"));
  g_assert_true (column_shows (board, 0, "Call the bank"));
  g_assert_true (column_shows (board, 1, "Water the plants"));
  g_assert_false (column_shows (board, 1, "Buy milk"));

  /* "Buy milk" to Done, as a drag would. */
  id = gest_test_query_int (f->store, "SELECT rowid FROM example_notes WHERE uuid = 'n1'");
  g_assert_cmpint (gest_board_column_model_find (gest_board_column_get_model (gest_board_get_column (board, 0)), id),
                   >=, 0);
  g_assert_true (gest_board_move_item (board, id, 1));
  gest_store_wait_for_writes (f->store);
  wait_loaded (board);
  g_assert_null (gest_board_get_message (board));
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT state FROM example_notes WHERE uuid = 'n1'"), ==, 1);
  g_assert_cmpstr (count_text (board, 0), ==, "1");
  g_assert_cmpstr (count_text (board, 1), ==, "2");
  g_assert_cmpint (gest_board_column_model_find (gest_board_column_get_model (gest_board_get_column (board, 1)), id),
                   >=, 0);
  WAIT_UNTIL (column_shows (board, 1, "Buy milk"));
  g_assert_false (column_shows (board, 0, "Buy milk"));
  /* The move is a local change of a synced field: it goes to the server. */
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE entity = 'note'"
                                                  " AND uuid = 'n1' AND fields = '{\"state\":1}'"), ==, 1);
  close_window (window);
  g_assert_no_error (error);
}

static void
apply_pulled (GestSyncApplier *applier,
              const char      *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_true (gest_sync_apply_change (applier, json_node_get_object (json_parser_get_root (parser)), &error));
  g_assert_no_error (error);
}

/* A local insert is queued for the server with every synced field; a pulled note lands in
 * example_notes (and queues nothing back); a pulled one the module's validate refuses does
 * not, and the sync log says why. */
static void
test_syncs_one_entity (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GestSyncApplier) applier = NULL;
  g_autofree char *reason = NULL;

  insert_note (f->store, "n1", "Buy milk", 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE entity = 'note'"
                                                  " AND uuid = 'n1' AND op = 'upsert'"
                                                  " AND fields = '{\"title\":\"Buy milk\",\"state\":0}'"), ==, 1);

  /* The sync finds the entity through the registry, and the module's rule. */
  g_assert_nonnull (gest_sync_entity_find ("note"));
  {
    g_autoptr(JsonObject) fields = json_object_new ();

    json_object_set_int_member (fields, "state", 7);
    reason = gest_sync_validate_change ("note", "0a1c", FALSE, fields);
    g_assert_cmpstr (reason, ==, "“state” is 7, not 0 (to do) or 1 (done).");
  }

  g_assert_true (gest_store_begin (f->store, TRUE, &error));
  g_assert_true (gest_store_exec (f->store, "INSERT INTO sync_applying (one) VALUES (1)", &error));
  applier = gest_sync_applier_new (f->store, &error);
  g_assert_no_error (error);
  apply_pulled (applier, "{\"entity\": \"note\", \"uuid\": \"0a1b\", \"version\": 3,"
                         " \"fields\": {\"title\": \"Renew the insurance\", \"state\": 1}}");
  apply_pulled (applier, "{\"entity\": \"note\", \"uuid\": \"0a1c\", \"version\": 4,"
                         " \"fields\": {\"title\": \"Not a note\", \"state\": 7}}");
  g_assert_true (gest_store_exec (f->store, "DELETE FROM sync_applying", &error));
  g_assert_true (gest_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (gest_test_query_int (f->store, "SELECT sync_version FROM example_notes WHERE uuid = '0a1b'"
                                                  " AND title = 'Renew the insurance' AND state = 1"), ==, 3);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_outbox WHERE uuid = '0a1b'"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM example_notes WHERE uuid = '0a1c'"), ==, 0);
  g_assert_cmpint (gest_test_query_int (f->store, "SELECT count(*) FROM sync_log WHERE kind = 'not-applied'"
                                                  " AND entity = 'note' AND uuid = '0a1c'"), ==, 1);
}

/* The global search finds a note by a word of its title, with the module's kind and label;
 * the window opens the hit in the Notes section, on the note's detail. */
static void
test_found_by_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GestSearchHit *hit;
  GestWindow *window;
  GestBoardPage *page;
  GtkWidget *detail;

  insert_three_notes (f->store);
  hits = gest_search_run (f->store, "bank", 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = hits->pdata[0];
  g_assert_cmpstr (hit->kind, ==, "note");
  g_assert_cmpstr (hit->uuid, ==, "n2");
  g_assert_cmpstr (hit->title, ==, "Call the bank");
  g_assert_true (g_str_has_prefix (hit->subtitle, "Note"));

  window = open_window (f->store);
  gest_window_show_record (window, hit->kind, hit->uuid);
  g_assert_cmpstr (gest_window_get_section (window), ==, GEST_EXAMPLE_MODULE_ID);
  page = GEST_BOARD_PAGE (gest_window_get_section_page (window, GEST_EXAMPLE_MODULE_ID));
  g_assert_cmpstr (gest_board_page_get_visible (page), ==, "detail");
  g_assert_cmpstr (gest_board_page_get_title (page), ==, "Call the bank");
  detail = gest_board_page_get_detail (page);
  g_assert_true (GEST_IS_RECORD_DETAIL (detail));
  g_assert_cmpstr (gest_record_detail_get_record_uuid (GEST_RECORD_DETAIL (detail)), ==, "n2");
  g_assert_cmpstr (gest_record_detail_get_title (GEST_RECORD_DETAIL (detail)), ==, "Call the bank");

  /* A renamed note is found by its new title only. */
  g_assert_true (gest_store_set_read_only (f->store, FALSE, &error));
  g_assert_true (gest_store_exec (f->store, "UPDATE example_notes SET title = 'Call the notary' WHERE uuid = 'n2'",
                                  &error));
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gest_search_run (f->store, "bank", 5, &error);
  g_assert_cmpuint (hits->len, ==, 0);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = gest_search_run (f->store, "notary", 5, &error);
  g_assert_cmpuint (hits->len, ==, 1);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The program's modules (src/gest-module-list.h), then the example, which cannot have a line
   * there: it exists only in the tests. A real module is registered by its GEST_MODULE line. */
  gest_modules_init ();
  {
    g_autoptr(GestModule) example = gest_example_module_new ();

    gest_domain_modules_add (GEST_DOMAIN_MODULE (example));
  }

  g_test_add ("/example/11/registers", Fixture, NULL, fixture_setup, test_registers, fixture_teardown);
  g_test_add ("/example/11/board-two-columns", Fixture, NULL, fixture_setup, test_board_two_columns,
              fixture_teardown);
  g_test_add ("/example/11/syncs-one-entity", Fixture, NULL, fixture_setup, test_syncs_one_entity,
              fixture_teardown);
  g_test_add ("/example/11/found-by-search", Fixture, NULL, fixture_setup, test_found_by_search,
              fixture_teardown);

  return g_test_run ();
}
