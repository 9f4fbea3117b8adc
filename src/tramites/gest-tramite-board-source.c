/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-tramite-board-source"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-tramite.h"
#include "gest-tramite-saves.h"
#include "gest-tramite-board-query.h"
#include "gest-tramite-board-source.h"

typedef struct
{
  char   *key;
  guint   generation;
  GArray *columns[GEST_TRAMITE_N_STEPS];
} FilteredCache;

struct _GestTramiteBoardSource
{
  GObject       parent_instance;

  GestStore    *store;
  char         *db_path;      /* immutable: read by worker threads */
  GMutex        mutex;
  char         *user_name;    /* guarded by @mutex: "mine" */
  sqlite3_stmt *fetch_stmt;   /* on the store's connection, UI thread only */
  sqlite3_stmt *head_stmt;    /* likewise */
  GMutex        cache_mutex;
  FilteredCache cache;        /* guarded by @cache_mutex */
  int           generation;   /* atomic: bumped by every change the source hears of */
  GTimeZone    *tz;           /* the dealer's: parsing it costs more than a fetch */
};

static void board_source_iface_init (GestBoardSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestTramiteBoardSource, gest_tramite_board_source, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GEST_TYPE_BOARD_SOURCE, board_source_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Filtered boards (text, overdue, mine) run their filter once for all eight columns and
 * keep the result here, keyed by the filter and the data generation, which reload() and
 * moves bump. Unfiltered columns walk the step index each (about 10 ms at 1,000,000). */

static void
filtered_cache_clear (FilteredCache *cache)
{
  g_clear_pointer (&cache->key, g_free);
  for (guint i = 0; i < GEST_TRAMITE_N_STEPS; i++)
    g_clear_pointer (&cache->columns[i], g_array_unref);
}

static void
query_for (GestTramiteBoardSource *self,
           const GestBoardFilter  *filter,
           GestTramiteBoardQuery  *query)
{
  g_autofree char *user = NULL;
  GDate today;

  gest_date_today (&today);
  g_mutex_lock (&self->mutex);
  user = g_strdup (self->user_name);
  g_mutex_unlock (&self->mutex);
  gest_tramite_board_query_init (query, filter, user, &today);
}

/* Worker threads. Fills the cache for @query if it holds another filter or older data; the
 * lock is held meanwhile, so the seven other columns wait for this pass instead of each
 * running the filter again. Returns a new reference to @step's ids. */
static GArray *
filtered_column (GestTramiteBoardSource       *self,
                 const GestTramiteBoardQuery  *query,
                 int                           step,
                 GCancellable                 *cancellable,
                 GError                      **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->cache_mutex);
  g_autofree char *key = gest_tramite_board_query_key (query);
  guint generation = (guint) g_atomic_int_get (&self->generation);

  if (self->cache.key == NULL || !g_str_equal (self->cache.key, key) ||
      self->cache.generation != generation)
    {
      GArray *columns[GEST_TRAMITE_N_STEPS];

      if (!gest_tramite_board_query_all (self->db_path, query, columns, cancellable, error))
        return NULL;
      filtered_cache_clear (&self->cache);
      self->cache.key = g_steal_pointer (&key);
      self->cache.generation = generation;
      for (guint i = 0; i < GEST_TRAMITE_N_STEPS; i++)
        self->cache.columns[i] = columns[i];
    }
  return g_array_ref (self->cache.columns[step - 1]);
}

static void
data_changed (GestTramiteBoardSource *self)
{
  g_atomic_int_inc (&self->generation);
}

static guint
board_get_n_columns (GestBoardSource *source)
{
  return GEST_TRAMITE_N_STEPS;
}

static const char *
board_get_column_title (GestBoardSource *source,
                        guint            column)
{
  g_return_val_if_fail (column < GEST_TRAMITE_N_STEPS, NULL);

  return gest_tramite_step_title ((int) column + 1);
}

static gboolean
board_column_read_only (GestBoardSource *source,
                        guint            column)
{
  return gest_tramite_step_is_conauto ((int) column + 1);
}

static GArray *
board_load_column_ids (GestBoardSource        *source,
                       guint                   column,
                       const GestBoardFilter  *filter,
                       GCancellable           *cancellable,
                       GError                **error)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (source);
  g_auto(GestTramiteBoardQuery) query = { 0 };

  g_return_val_if_fail (column < GEST_TRAMITE_N_STEPS, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (filter->column >= 0 && (guint) filter->column != column)
    return g_array_new (FALSE, FALSE, sizeof (gint64));

  query_for (self, filter, &query);
  if (gest_tramite_board_query_is_filtered (&query))
    {
      g_autoptr(GArray) cached = filtered_column (self, &query, (int) column + 1, cancellable, error);
      GArray *ids;

      if (cached == NULL)
        return NULL;
      /* The caller owns what it gets; the cache keeps its own. */
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), cached->len);
      g_array_append_vals (ids, cached->data, cached->len);
      return ids;
    }
  return gest_tramite_board_query_step (self->db_path, &query, (int) column + 1, cancellable, error);
}

/* The day number (days since 1970-01-01) of @unix_sec in @tz: integer arithmetic on the
 * zone's offset at that moment, no GDateTime per card. */
static gint64
local_day (GTimeZone *tz,
           gint64     unix_sec)
{
  int interval = g_time_zone_find_interval (tz, G_TIME_TYPE_UNIVERSAL, unix_sec);
  gint64 local = unix_sec + (interval >= 0 ? g_time_zone_get_offset (tz, interval) : 0);

  /* Floor division: moments before 1970 belong to earlier days. */
  return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

/* What every card of one fetch compares with: today in the dealer's zone, as a day number
 * (days in step) and as ISO text (overdue, like the filter's SQL). */
typedef struct
{
  gint64 day;
  char   iso[16];
} Today;

static void
today_init (GestTramiteBoardSource *self,
            Today                  *today)
{
  gint64 day;
  GDate date;

  day = local_day (self->tz, g_get_real_time () / G_USEC_PER_SEC);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (day + 719163)); /* GDate's day 1 is 0001-01-01 */
  today->day = day;
  g_snprintf (today->iso, sizeof today->iso, "%04d-%02d-%02d", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

/* Card data for up to FETCH_BATCH ids in one query; unused slots are bound to NULL, which
 * IN never matches. */
#define FETCH_BATCH 32

static gboolean
ensure_fetch_stmt (GestTramiteBoardSource *self)
{
  g_autoptr(GString) sql = NULL;
  g_autoptr(GError) error = NULL;

  if (self->fetch_stmt != NULL)
    return TRUE;

  sql = g_string_new ("SELECT t.rowid, t.uuid, t.folio, c.name, t.agreed_amount, t.agreed_date,"
                      "  t.step_since, t.payment_amount IS NULL, t.step >= 3 AND"
                      "  (t.docs_sent_at IS NULL OR t.payment_proof_uuid IS NULL),"
                      "  (SELECT d.sha256 FROM documents d WHERE d.record_uuid = t.uuid"
                      "     AND d.deleted = 0 AND d.mime_type = 'application/pdf'"
                      "   ORDER BY d.added_at, d.rowid LIMIT 1) "
                      "FROM tramites t "
                      "JOIN plans p ON p.uuid = t.plan_uuid "
                      "JOIN customers c ON c.uuid = p.customer_uuid "
                      "WHERE +t.deleted = 0 AND t.rowid IN (?1");
  for (guint i = 2; i <= FETCH_BATCH; i++)
    g_string_append_printf (sql, ", ?%u", i);
  g_string_append_c (sql, ')');

  self->fetch_stmt = gest_store_prepare (self->store, sql->str, &error);
  if (self->fetch_stmt == NULL)
    {
      g_debug ("Cannot fetch trámite cards: %s", error->message);
      return FALSE;
    }
  return TRUE;
}

static GestBoardItem *
item_from_row (sqlite3_stmt *stmt,
               GTimeZone    *tz,
               const Today  *today)
{
  g_autofree char *amount = NULL;
  g_autofree char *date_s = NULL;
  GestBoardItemFlags flags = GEST_BOARD_ITEM_FLAG_NONE;
  const char *agreed_iso = (const char *) sqlite3_column_text (stmt, 5);
  gint64 step_since = sqlite3_column_int64 (stmt, 6);
  GDate agreed;

  if (agreed_iso != NULL && gest_date_from_iso (agreed_iso, &agreed))
    date_s = gest_date_format (&agreed);
  amount = gest_money_format (sqlite3_column_int64 (stmt, 4));

  if (sqlite3_column_int (stmt, 7) != 0 && agreed_iso != NULL && strcmp (agreed_iso, today->iso) < 0)
    flags |= GEST_BOARD_ITEM_FLAG_OVERDUE;
  if (sqlite3_column_int (stmt, 8) != 0)
    flags |= GEST_BOARD_ITEM_FLAG_MISSING_DOCS;

  return gest_board_item_new (sqlite3_column_int64 (stmt, 0),
                              (const char *) sqlite3_column_text (stmt, 1),
                              (const char *) sqlite3_column_text (stmt, 2),
                              (const char *) sqlite3_column_text (stmt, 3),
                              amount, date_s,
                              (int) MAX (0, today->day - local_day (tz, step_since / G_USEC_PER_SEC)),
                              flags,
                              (const char *) sqlite3_column_text (stmt, 9));
}

static GPtrArray *
board_fetch_items (GestBoardSource *source,
                   const gint64    *ids,
                   guint            n_ids)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (source);
  GPtrArray *items = g_ptr_array_new_full (n_ids, g_object_unref);
  Today today;

  if (n_ids == 0 || !ensure_fetch_stmt (self))
    return items;

  today_init (self, &today);
  for (guint done = 0; done < n_ids; done += FETCH_BATCH)
    {
      guint n = MIN (FETCH_BATCH, n_ids - done);

      for (guint i = 0; i < FETCH_BATCH; i++)
        {
          if (i < n)
            sqlite3_bind_int64 (self->fetch_stmt, (int) i + 1, ids[done + i]);
          else
            sqlite3_bind_null (self->fetch_stmt, (int) i + 1);
        }
      while (sqlite3_step (self->fetch_stmt) == SQLITE_ROW)
        g_ptr_array_add (items, item_from_row (self->fetch_stmt, self->tz, &today));
      sqlite3_reset (self->fetch_stmt);
    }
  return items;
}

static GestBoardItem *
board_fetch_item (GestBoardSource *source,
                  gint64           id)
{
  g_autoptr(GPtrArray) items = board_fetch_items (source, &id, 1);

  return items->len > 0 ? g_object_ref (g_ptr_array_index (items, 0)) : NULL;
}

/* The first ids of an unfiltered column: LIMIT on the step index, on the store's connection
 * (the same kind of lookup as fetch_items()). Filters may have to read a whole step to find
 * a few rows: those wait for load_column_ids() on a worker. */
static GArray *
board_load_column_head (GestBoardSource       *source,
                        guint                  column,
                        const GestBoardFilter *filter,
                        guint                  limit)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (source);
  g_auto(GestTramiteBoardQuery) query = { 0 };
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (column < GEST_TRAMITE_N_STEPS, NULL);

  if (filter->column >= 0 && (guint) filter->column != column)
    return g_array_new (FALSE, FALSE, sizeof (gint64));
  query_for (self, filter, &query);
  if (gest_tramite_board_query_is_filtered (&query))
    return NULL;

  if (self->head_stmt == NULL)
    {
      g_autoptr(GError) error = NULL;

      self->head_stmt = gest_store_prepare (self->store,
                                            "SELECT t.rowid FROM tramites t WHERE t.deleted = 0 AND t.step = ?1"
                                            " ORDER BY t.step_since, t.rowid LIMIT ?2",
                                            &error);
      if (self->head_stmt == NULL)
        {
          g_debug ("Cannot read the first trámites of a step: %s", error->message);
          return NULL;
        }
    }

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit);
  sqlite3_bind_int (self->head_stmt, 1, (int) column + 1);
  sqlite3_bind_int64 (self->head_stmt, 2, limit);
  while (sqlite3_step (self->head_stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (self->head_stmt, 0);

      g_array_append_val (ids, id);
    }
  if (sqlite3_reset (self->head_stmt) != SQLITE_OK)
    return NULL;
  return g_steal_pointer (&ids);
}

static gboolean
board_can_move (GestBoardSource  *source,
                gint64            id,
                guint             column,
                GError          **error)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (source);
  g_autoptr(GestTramite) tramite = gest_tramite_load_by_id (self->store, id, error);
  GestTramiteChecklist checklist;

  if (tramite == NULL)
    return FALSE;
  gest_tramite_get_checklist (tramite, &checklist);
  return gest_tramite_rules_check_move (&checklist, tramite->step, (int) column + 1,
                                        GEST_TRAMITE_ACTOR_DEALER, error);
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GestTramiteBoardSource *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!gest_tramite_save_finish (GEST_STORE (object), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  data_changed (self);
  g_task_return_boolean (task, TRUE);
}

static void
board_move_async (GestBoardSource     *source,
                  gint64               id,
                  guint                column,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (source);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GestTramite) tramite = NULL;
  GError *error = NULL;

  g_task_set_source_tag (task, board_move_async);
  tramite = gest_tramite_load_by_id (self->store, id, &error);
  if (tramite == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  gest_tramite_move_async (self->store, tramite->uuid, (int) column + 1, NULL, cancellable,
                           moved_cb, g_steal_pointer (&task));
}

static gboolean
board_move_finish (GestBoardSource  *source,
                   GAsyncResult     *result,
                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, source), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
board_source_iface_init (GestBoardSourceInterface *iface)
{
  iface->get_n_columns = board_get_n_columns;
  iface->get_column_title = board_get_column_title;
  iface->column_read_only = board_column_read_only;
  iface->load_column_ids = board_load_column_ids;
  iface->fetch_item = board_fetch_item;
  iface->fetch_items = board_fetch_items;
  iface->load_column_head = board_load_column_head;
  iface->can_move = board_can_move;
  iface->move_async = board_move_async;
  iface->move_finish = board_move_finish;
}

static void
gest_tramite_board_source_constructed (GObject *object)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (object);

  G_OBJECT_CLASS (gest_tramite_board_source_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->db_path = g_strdup (gest_store_get_path (self->store));
  self->user_name = gest_store_get_user_name (self->store);
  self->tz = gest_dealer_timezone ();
}

static void
gest_tramite_board_source_dispose (GObject *object)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (object);

  g_clear_pointer (&self->fetch_stmt, sqlite3_finalize);
  g_clear_pointer (&self->head_stmt, sqlite3_finalize);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (gest_tramite_board_source_parent_class)->dispose (object);
}

static void
gest_tramite_board_source_finalize (GObject *object)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (object);

  g_free (self->db_path);
  g_free (self->user_name);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  filtered_cache_clear (&self->cache);
  g_mutex_clear (&self->cache_mutex);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (gest_tramite_board_source_parent_class)->finalize (object);
}

static void
gest_tramite_board_source_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramite_board_source_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  GestTramiteBoardSource *self = GEST_TRAMITE_BOARD_SOURCE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
gest_tramite_board_source_class_init (GestTramiteBoardSourceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = gest_tramite_board_source_constructed;
  object_class->dispose = gest_tramite_board_source_dispose;
  object_class->finalize = gest_tramite_board_source_finalize;
  object_class->get_property = gest_tramite_board_source_get_property;
  object_class->set_property = gest_tramite_board_source_set_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, GEST_TYPE_STORE,
                                                G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
gest_tramite_board_source_init (GestTramiteBoardSource *self)
{
  g_mutex_init (&self->mutex);
  g_mutex_init (&self->cache_mutex);
}

GestTramiteBoardSource *
gest_tramite_board_source_new (GestStore *store)
{
  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  return g_object_new (GEST_TYPE_TRAMITE_BOARD_SOURCE, "store", store, NULL);
}

GestStore *
gest_tramite_board_source_get_store (GestTramiteBoardSource *self)
{
  g_return_val_if_fail (GEST_IS_TRAMITE_BOARD_SOURCE (self), NULL);

  return self->store;
}

void
gest_tramite_board_source_reload (GestTramiteBoardSource *self)
{
  g_autofree char *user = NULL;

  g_return_if_fail (GEST_IS_TRAMITE_BOARD_SOURCE (self));

  user = gest_store_get_user_name (self->store);
  g_mutex_lock (&self->mutex);
  g_free (self->user_name);
  self->user_name = g_steal_pointer (&user);
  g_mutex_unlock (&self->mutex);

  data_changed (self);
  gest_board_source_emit_changed (GEST_BOARD_SOURCE (self));
}

gboolean
gest_tramite_board_source_count_columns (GestTramiteBoardSource  *self,
                                         const GestBoardFilter   *filter,
                                         guint                   *counts,
                                         GCancellable            *cancellable,
                                         GError                 **error)
{
  g_auto(GestTramiteBoardQuery) query = { 0 };

  g_return_val_if_fail (GEST_IS_TRAMITE_BOARD_SOURCE (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (counts, 0, sizeof (guint) * GEST_TRAMITE_N_STEPS);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  query_for (self, filter, &query);
  if (gest_tramite_board_query_is_filtered (&query))
    {
      for (int step = 1; step <= GEST_TRAMITE_N_STEPS; step++)
        {
          g_autoptr(GArray) ids = NULL;

          if (filter->column >= 0 && filter->column != step - 1)
            continue;
          ids = filtered_column (self, &query, step, cancellable, error);
          if (ids == NULL)
            return FALSE;
          counts[step - 1] = ids->len;
        }
      return TRUE;
    }
  return gest_tramite_board_query_count (self->db_path, &query,
                                         filter->column >= 0 ? filter->column + 1 : 0,
                                         counts, cancellable, error);
}
