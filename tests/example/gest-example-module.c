/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-example-module"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-board-page.h"
#include "gest-error.h"
#include "gest-example-module.h"
#include "gest-record-change.h"
#include "gest-record-detail.h"
#include "gest-sql-board-source.h"
#include "gest-sync-validate.h"

struct _GestExampleModule
{
  GObject parent_instance;
};

static void gest_example_domain_iface_init (GestDomainModuleInterface *iface);
static void gest_example_module_iface_init (GestModuleInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestExampleModule, gest_example_module, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_DOMAIN_MODULE, gest_example_domain_iface_init)
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_MODULE, gest_example_module_iface_init))

/* The two states of a note, which are the board's two columns. */
enum {
  NOTE_TO_DO,
  NOTE_DONE,
};

/* ---- The domain part (GLib only: gest-<module>-domain.c in a real module) -------------- */

/* The fields of a note that travel (tests/example/example.sql, its outbox triggers). */
static const char * const note_columns[] = { "title", "state", NULL };

/* Issue 16.6: the forms' checks of a note's fields. */
static const GestFieldSpec note_fields[] = {
  { "title", GEST_FIELD_TEXT }, { "state", GEST_FIELD_INT },
};

/* A change pulled or about to be pushed: the kinds of its fields, then the module's own rule. */
static char *
validate_note (JsonObject *fields,
               gboolean    deleted)
{
  char *message = gest_sync_check_fields (note_fields, G_N_ELEMENTS (note_fields), fields);
  JsonNode *state;

  if (message != NULL)
    return message;
  state = json_object_get_member (fields, "state");
  if (state != NULL && JSON_NODE_HOLDS_VALUE (state) &&
      json_node_get_int (state) != NOTE_TO_DO && json_node_get_int (state) != NOTE_DONE)
    return g_strdup_printf (_("“%s” is %lld, not 0 (to do) or 1 (done)."), "state",
                            (long long) json_node_get_int (state));
  return NULL;
}

static const GestEntityInfo entities[] = {
  { "note", "example_notes", note_columns, NULL, TRUE, validate_note },
};

static const GestSearchKind search_kinds[] = {
  { "note", N_("Note"), "accessories-text-editor-symbolic", NULL },
};

static const char *
gest_example_domain_get_id (GestDomainModule *module)
{
  return GEST_EXAMPLE_MODULE_ID;
}

static const GestEntityInfo *
gest_example_domain_get_entities (GestDomainModule *module,
                                  guint            *n_entities)
{
  *n_entities = G_N_ELEMENTS (entities);
  return entities;
}

static const GestSearchKind *
gest_example_domain_get_search_kinds (GestDomainModule *module,
                                      guint            *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (search_kinds);
  return search_kinds;
}

static void
gest_example_domain_iface_init (GestDomainModuleInterface *iface)
{
  iface->get_id = gest_example_domain_get_id;
  iface->get_entities = gest_example_domain_get_entities;
  iface->get_search_kinds = gest_example_domain_get_search_kinds;
}

/* A move between the columns: one change to one record (gest_record_change_run()). */
typedef struct
{
  char *title;
  int   state;
} Note;

static void
note_free (gpointer data)
{
  Note *note = data;

  g_free (note->title);
  g_free (note);
}

static gpointer
note_load (GestStore   *store,
           const char  *uuid,
           gint64      *out_version,
           gpointer     user_data,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Note *note;

  stmt = gest_store_prepare (store, "SELECT title, state, updated_at FROM example_notes"
                                    " WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("This note no longer exists."));
      return NULL;
    }
  note = g_new0 (Note, 1);
  note->title = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  note->state = sqlite3_column_int (stmt, 1);
  *out_version = sqlite3_column_int64 (stmt, 2);
  return note;
}

static void
note_bind_state (sqlite3_stmt  *stmt,
                 gconstpointer  record,
                 gpointer       user_data)
{
  sqlite3_bind_int (stmt, 1, GPOINTER_TO_INT (user_data));
}

static const GestRecordChangeSpec move_spec = {
  .name = "example_note_move",
  .table = "example_notes",
  .set = "state = ?1",
  .load = note_load,
  .free_record = note_free,
  .bind = note_bind_state,
  .conflict_message = N_("Someone changed this note meanwhile; look at it again and move it then."),
};

/* ---- The board (a GestSqlBoardSource configured, no source of its own) --------------------- */

static void
note_text_filter (const char         *text,
                  GestSqlBoardClause *clause,
                  gpointer            user_data)
{
  clause->where = g_strdup (" AND n.title LIKE :q");
  clause->names = g_strsplit (":q", " ", -1);
  clause->values = g_new0 (char *, 2);
  clause->values[0] = g_strdup_printf ("%%%s%%", text);
}

static GestBoardItem *
note_item_from_row (sqlite3_stmt *stmt,
                    gint64        now,
                    gpointer      user_data)
{
  gboolean done = sqlite3_column_int (stmt, 3) == NOTE_DONE;

  return gest_board_item_new (sqlite3_column_int64 (stmt, 0), (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2), "", NULL, NULL, 0,
                              done ? GEST_BOARD_ITEM_FLAG_DONE : GEST_BOARD_ITEM_FLAG_NONE, NULL);
}

/* The store's writer thread, inside its transaction: the card @id goes to @column. */
static gboolean
note_move (GestStore  *store,
           gint64      id,
           guint       column,
           gpointer    user_data,
           GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT uuid FROM example_notes WHERE rowid = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND, _("This note no longer exists."));
      return FALSE;
    }
  return gest_record_change_run (store, &move_spec, (const char *) sqlite3_column_text (stmt, 0),
                                 GINT_TO_POINTER ((int) column), error);
}

static const GestSqlBoardConfig board_config = {
  .table = "example_notes",
  .alias = "n",
  .live_column = "deleted",
  .column_expr = "n.state",
  .first_value = NOTE_TO_DO,
  .order = "n.updated_at, n.rowid",   /* the index example_notes_board */
  .card_sql = "SELECT n.rowid, n.uuid, n.title, n.state FROM example_notes n"
              " WHERE +n.deleted = 0 AND n.rowid IN",
  .text_filter = note_text_filter,
  .item_from_row = note_item_from_row,
  .move = note_move,
};

/* ---- The UI part (gest-<module>-module.c in a real module) ---------------------------- */

/* A note's detail: the shared record page with its header and state. */
static void
show_note (GestBoardPage *page,
           GestContext   *context,
           const char    *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestRecordDetail *detail;

  detail = GEST_RECORD_DETAIL (gest_record_detail_new (context, uuid));
  stmt = gest_store_prepare (gest_context_get_store (context),
                             "SELECT title, state FROM example_notes WHERE uuid = ?1 AND deleted = 0", NULL);
  if (stmt != NULL)
    sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    {
      gest_record_detail_show_unavailable (detail, _("Note Not Found"), _("This note no longer exists."));
      gest_board_page_show_detail (page, GTK_WIDGET (detail), _("Note"));
      return;
    }
  gest_record_detail_set_title (detail, (const char *) sqlite3_column_text (stmt, 0));
  gest_record_detail_set_subtitle (detail, _("Note"));
  gest_record_detail_set_status_heading (detail, _("State"));
  if (sqlite3_column_int (stmt, 1) == NOTE_DONE)
    gest_record_detail_set_status (detail, _("Done"), _("Nothing left to do."));
  else
    gest_record_detail_set_status (detail, _("To Do"), _("Move it to Done on the board once it is done."));
  gest_board_page_show_detail (page, GTK_WIDGET (detail), (const char *) sqlite3_column_text (stmt, 0));
}

static void
item_activated_cb (GestBoardPage *page,
                   const char    *uuid,
                   GestContext   *context)
{
  show_note (page, context, uuid);
}

/* Back on the board: the detail may have changed the note. */
static void
detail_closed_cb (GestBoardPage *page)
{
  gest_sql_board_source_reload (GEST_SQL_BOARD_SOURCE (gest_board_get_source (gest_board_page_get_board (page))));
}

static const char *
gest_example_module_get_title (GestModule *module)
{
  return _("Notes");
}

static const char *
gest_example_module_get_icon_name (GestModule *module)
{
  return "accessories-text-editor-symbolic";
}

static int
gest_example_module_get_position (GestModule *module)
{
  return 15;
}

static GtkWidget *
gest_example_module_create_page (GestModule  *module,
                                 GestContext *context)
{
  GestBoardPage *page = GEST_BOARD_PAGE (gest_board_page_new ());
  g_autoptr(GestSqlBoardSource) source = NULL;
  const GestBoardPageTexts texts = {
    .search_placeholder = _("Search notes"),
    .all_columns = _("All Notes"),
    .empty_icon_name = "accessories-text-editor-symbolic",
    .empty_title = _("No Notes Yet"),
    .empty_description = _("Notes you write show here, one column per state."),
  };

  source = gest_sql_board_source_new (gest_context_get_store (context), &board_config, NULL, NULL);
  gest_sql_board_source_add_column (source, _("To Do"), FALSE);
  gest_sql_board_source_add_column (source, _("Done"), FALSE);
  gest_board_page_set_texts (page, &texts);
  gest_board_page_set_section_title (page, _("Notes"));
  gest_board_page_set_source (page, GEST_BOARD_SOURCE (source));
  g_signal_connect_data (page, "item-activated", G_CALLBACK (item_activated_cb), g_object_ref (context),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect (page, "detail-closed", G_CALLBACK (detail_closed_cb), NULL);
  return GTK_WIDGET (page);
}

/* A hit of kind "note" opens its detail in the page create_page() made. */
static gboolean
gest_example_module_open_hit (GestModule  *module,
                              GestContext *context,
                              GtkWidget   *page,
                              const char  *kind,
                              const char  *uuid)
{
  if (!g_str_equal (kind, "note") || !GEST_IS_BOARD_PAGE (page))
    return FALSE;
  show_note (GEST_BOARD_PAGE (page), context, uuid);
  return TRUE;
}

static void
gest_example_module_iface_init (GestModuleInterface *iface)
{
  iface->get_title = gest_example_module_get_title;
  iface->get_icon_name = gest_example_module_get_icon_name;
  iface->get_position = gest_example_module_get_position;
  iface->create_page = gest_example_module_create_page;
  iface->open_hit = gest_example_module_open_hit;
}

static void
gest_example_module_class_init (GestExampleModuleClass *klass)
{
}

static void
gest_example_module_init (GestExampleModule *self)
{
}

GestModule *
gest_example_module_new (void)
{
  return g_object_new (GEST_TYPE_EXAMPLE_MODULE, NULL);
}
