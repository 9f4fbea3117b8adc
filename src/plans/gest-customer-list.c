/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-customer-list"

#include "config.h"

#include "gest-customer-item.h"
#include "gest-customer-list.h"

#define CACHE_SIZE 512
#define MAX_TERMS  8

struct _GestCustomerList
{
  GObject     parent_instance;

  GestStore  *store;
  char       *filter;
  GArray     *ids;       /* gint64 rowids, in order */
  GHashTable *cache;     /* rowid → GestCustomerItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (GestCustomerList, gest_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Every word of the user's text a quoted prefix term: `"gonz"* AND "5512"*`. Words are runs of
 * letters and digits, so nothing typed is ever FTS5 syntax. NULL when there is no word. */
static char *
build_match (const char *text)
{
  GString *match = g_string_new (NULL);
  GString *word = g_string_new (NULL);
  guint n_terms = 0;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (word, c);
      else if (word->len > 0)
        {
          if (n_terms < MAX_TERMS)
            g_string_append_printf (match, "%s\"%s\"*", n_terms++ > 0 ? " AND " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);
  if (n_terms == 0)
    {
      g_string_free (match, TRUE);
      return NULL;
    }
  return g_string_free (match, FALSE);
}

static void
load_ids (GestCustomerList *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *match = build_match (self->filter);
  g_autoptr(GError) error = NULL;

  g_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->cache);
  if (match == NULL)
    stmt = gest_store_prepare (self->store,
                               "SELECT rowid FROM customers WHERE deleted = 0 ORDER BY name COLLATE NOCASE",
                               &error);
  else
    stmt = gest_store_prepare (self->store,
                               "SELECT rowid FROM customers WHERE deleted = 0 AND rowid IN"
                               " (SELECT rowid / 4 FROM search_index WHERE search_index MATCH ?1"
                               "  AND kind = 'customer')"
                               " ORDER BY name COLLATE NOCASE",
                               &error);
  if (stmt == NULL)
    {
      g_warning ("Could not list the customers: %s", error->message);
      return;
    }
  if (match != NULL)
    sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (self->ids, id);
    }
}

static GestCustomerItem *
fetch (GestCustomerList *self,
       gint64            id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestCustomerItem *item;

  item = g_hash_table_lookup (self->cache, &id);
  if (item != NULL)
    return g_object_ref (item);
  stmt = gest_store_prepare (self->store,
                             "SELECT uuid, name, rfc, CASE phone_mobile WHEN '' THEN phone_home ELSE phone_mobile END,"
                             " city FROM customers WHERE rowid = ?1", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  item = gest_customer_item_new ((const char *) sqlite3_column_text (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 3),
                                 (const char *) sqlite3_column_text (stmt, 4));
  /* GTK keeps a couple hundred rows; a full cache starts over rather than track ages. */
  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_memdup2 (&id, sizeof id), g_object_ref (item));
  return item;
}

static GType
get_item_type (GListModel *model)
{
  return GEST_TYPE_CUSTOMER_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return GEST_CUSTOMER_LIST (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  GestCustomerList *self = GEST_CUSTOMER_LIST (model);

  if (position >= self->ids->len)
    return NULL;
  return fetch (self, g_array_index (self->ids, gint64, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
gest_customer_list_finalize (GObject *object)
{
  GestCustomerList *self = GEST_CUSTOMER_LIST (object);

  g_clear_object (&self->store);
  g_free (self->filter);
  g_array_unref (self->ids);
  g_hash_table_unref (self->cache);

  G_OBJECT_CLASS (gest_customer_list_parent_class)->finalize (object);
}

static void
gest_customer_list_class_init (GestCustomerListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = gest_customer_list_finalize;
}

static void
gest_customer_list_init (GestCustomerList *self)
{
  self->filter = g_strdup ("");
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
}

GestCustomerList *
gest_customer_list_new (GestStore *store)
{
  GestCustomerList *self;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);

  self = g_object_new (GEST_TYPE_CUSTOMER_LIST, NULL);
  self->store = g_object_ref (store);
  load_ids (self);
  return self;
}

void
gest_customer_list_reload (GestCustomerList *self)
{
  guint before;

  g_return_if_fail (GEST_IS_CUSTOMER_LIST (self));

  before = self->ids->len;
  load_ids (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, before, self->ids->len);
}

void
gest_customer_list_set_filter (GestCustomerList *self,
                               const char       *text)
{
  g_return_if_fail (GEST_IS_CUSTOMER_LIST (self));

  if (g_strcmp0 (self->filter, text != NULL ? text : "") == 0)
    return;
  g_free (self->filter);
  self->filter = g_strdup (text != NULL ? text : "");
  gest_customer_list_reload (self);
}

const char *
gest_customer_list_get_filter (GestCustomerList *self)
{
  g_return_val_if_fail (GEST_IS_CUSTOMER_LIST (self), NULL);

  return self->filter;
}

int
gest_customer_list_find (GestCustomerList *self,
                         const char       *uuid)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;

  g_return_val_if_fail (GEST_IS_CUSTOMER_LIST (self), -1);
  g_return_val_if_fail (uuid != NULL, -1);

  stmt = gest_store_prepare (self->store, "SELECT rowid FROM customers WHERE uuid = ?1", NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return (int) i;
  return -1;
}
