/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-demo.h"
#include "gest-domain-module.h"
#include "gest-plans-demo.h"
#include "gest-users.h"

/* The demo engine: checks that the database may take demonstration data, opens one
 * transaction, lets the shared records (customers, vehicles, plans: src/plans) and then each
 * registered module (GestDomainModule's fill_demo) in registration order fill it, and marks
 * the database as holding demo data. The data itself lives with its owners:
 * gest-plans-demo.c, and each module's folder. */

static const GestDemoUser demo_users[] = {
  [GEST_ROLE_GENERAL_MANAGER] = { "gerente", "Mariana Torres Ruiz", GEST_ROLE_GENERAL_MANAGER },
  [GEST_ROLE_SERVICE_MANAGER] = { "gerente.servicio", "Roberto Salinas Vega", GEST_ROLE_SERVICE_MANAGER },
  [GEST_ROLE_SERVICE_COORDINATOR] = { "coordinador.servicio", "Javier Núñez Campos", GEST_ROLE_SERVICE_COORDINATOR },
  [GEST_ROLE_CS_ANALYST] = { "analista", "Laura Méndez Ortiz", GEST_ROLE_CS_ANALYST },
  [GEST_ROLE_CS_HEAD] = { "jefe.atencion", "Patricia Gómez Lara", GEST_ROLE_CS_HEAD },
  [GEST_ROLE_FINANCE_MANAGER] = { "finanzas", "Jorge Ramírez Soto", GEST_ROLE_FINANCE_MANAGER },
  [GEST_ROLE_COLLECTIONS_AGENT] = { "cobranza", "Ana Torres Villa", GEST_ROLE_COLLECTIONS_AGENT },
  [GEST_ROLE_SERVICE_ADVISOR] = { "asesor", "Luis Hernández Peña", GEST_ROLE_SERVICE_ADVISOR },
  [GEST_ROLE_COLLECTIONS_SUPERVISOR] = { "supervisor.cobranza", "Carmen Ríos Aguilar", GEST_ROLE_COLLECTIONS_SUPERVISOR },
  [GEST_ROLE_CS_COORDINATOR] = { "coordinador.sac", "Sergio Medina Salas", GEST_ROLE_CS_COORDINATOR },
  [GEST_ROLE_TECH_SPECIALIST] = { "especialista", "Diana Castro Fuentes", GEST_ROLE_TECH_SPECIALIST },
  [GEST_ROLE_SALES_ADVISOR] = { "ventas", "Ricardo Luna Ibarra", GEST_ROLE_SALES_ADVISOR },
};

/* In role order: demo_users[role] is the user of that role. */
G_STATIC_ASSERT (G_N_ELEMENTS (demo_users) == GEST_N_DEALER_ROLES);

/* Argon2id is slow on purpose: the demo's one password is hashed once per process and the
 * hash (its own salt included) is shared by every demo user. */
static const char *
demo_password_hash (void)
{
  static gsize hash = 0;

  if (g_once_init_enter (&hash))
    g_once_init_leave (&hash, (gsize) gest_password_hash (GEST_DEMO_PASSWORD));
  return (const char *) hash;
}

static gboolean
add_demo_users (GestStore  *store,
                GError    **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *hash = demo_password_hash ();
  gint64 now = g_get_real_time ();

  if (hash == NULL)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_STORE,
                           _("The password could not be hashed: the computer is out of memory."));
      return FALSE;
    }
  stmt = gest_store_prepare (store,
                             "INSERT OR IGNORE INTO users (uuid, login, name, role, password_hash, "
                             "active, created_at, updated_at, changed_by) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6, 'demo')",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_users); i++)
    {
      g_autofree char *uuid = gest_uuid_new ();

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, demo_users[i].login, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, demo_users[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, gest_role_id (demo_users[i].role), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, hash, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, now);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return gest_store_set_error (store, error);
    }
  return TRUE;
}

static gint64
query_cache_size (GestStore *store)
{
  sqlite3_stmt *stmt = gest_store_prepare (store, "PRAGMA cache_size", NULL);
  gint64 size = -2000;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return size;
}

/* Each module adds its records, in registration order, after the shared ones exist. */
static gboolean
run_module_fillers (GestStore  *store,
                    guint       n,
                    GRand      *rand,
                    GError    **error)
{
  GPtrArray *modules = gest_domain_modules_get ();

  for (guint i = 0; modules != NULL && i < modules->len; i++)
    if (!gest_domain_module_fill_demo (g_ptr_array_index (modules, i), store, n, rand, error))
      return FALSE;
  return TRUE;
}

gboolean
gest_demo_fill (GestStore     *store,
                guint          n,
                guint32        seed,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GestUser) previous = NULL;
  gboolean signed_in = FALSE;
  gint64 cache_size;
  gboolean ok = FALSE;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);

  if (n == 0)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID,
                           _("The demonstration scale must be at least 1 customer."));
      return FALSE;
    }

  /* Issue 16.9: an enrolled database shares its records with Conauto's server, which must
   * never receive demonstration data (the app's first run and the CLI both come here). */
  {
    g_autofree char *device = gest_store_get_value (store, "sync_state", "device-id");
    g_autofree char *server = gest_store_get_value (store, "sync_state", "server-url");

    if (device != NULL || server != NULL)
      {
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("The database “%s” is enrolled with a sync server, so demonstration data "
                       "would reach Conauto. Load it into a new database (--db NEW-FILE)."),
                     gest_store_get_path (store));
        return FALSE;
      }
  }
  if (!gest_store_begin (store, TRUE, error))
    return FALSE;
  /* Random uuid keys touch pages all over the tables: a 256 MiB page cache for the fill. */
  cache_size = query_cache_size (store);
  gest_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  /* Demonstration data never enters the sync outbox, and the database says it holds it, so
   * it can never be enrolled with (and sent to) Conauto's server. */
  if (!gest_store_exec (store, "INSERT INTO sync_applying (one) VALUES (1)", error))
    goto out;

  rand = g_rand_new_with_seed (seed);
  if (!add_demo_users (store, error))
    goto out;
  /* The demonstration data is entered by the demo's finance manager: what the fillers log
   * as the store's user names them (gest_demo_user_name_for_role() for the other roles). */
  previous = gest_store_get_user (store) != NULL ? gest_user_ref (gest_store_get_user (store)) : NULL;
  {
    const GestDemoUser *finance = &demo_users[GEST_ROLE_FINANCE_MANAGER];
    g_autoptr(GestUser) author = NULL;
    g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store, "SELECT uuid FROM users WHERE login = ?1", error);

    if (stmt == NULL)
      goto out;
    sqlite3_bind_text (stmt, 1, finance->login, -1, SQLITE_STATIC);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      author = gest_user_new ((const char *) sqlite3_column_text (stmt, 0), finance->login,
                              finance->name, finance->role);
    gest_store_set_user (store, author);
  }
  signed_in = TRUE;
  if (!gest_plans_demo_fill (store, n, rand, cancellable, error) ||
      !run_module_fillers (store, n, rand, error))
    goto out;

  /* The demonstration dealer's letterhead and phones, where scripts, letters and emails name
   * them; a dealer's own settings are kept. */
  if (!gest_store_exec (store, "DELETE FROM sync_applying;"
                                "INSERT OR IGNORE INTO settings (key, value) VALUES"
                                " ('dealer.name', 'Ford Demostración Insurgentes'),"
                                " ('dealer.phones', '55 5200 1000'),"
                                " ('dealer.reservation_phones', '55 5200 1010'),"
                                " ('dealer.address', 'Av. Insurgentes Sur 1234, Col. Del Valle, 03100 Ciudad de México'),"
                                " ('dealer.city', 'Ciudad de México');"
                                "INSERT OR REPLACE INTO settings (key, value) VALUES ('demo.loaded', '1')",
                        error))
    goto out;
  ok = gest_store_commit (store, error);

out:
  if (signed_in)
    gest_store_set_user (store, previous);
  if (!ok)
    gest_store_rollback (store);
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
    gest_store_exec (store, restore, NULL);
  }
  return ok;
}

const GestDemoUser *
gest_demo_get_users (guint *n_users)
{
  if (n_users != NULL)
    *n_users = G_N_ELEMENTS (demo_users);
  return demo_users;
}

const char *
gest_demo_user_name_for_role (GestRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_users); i++)
    if (demo_users[i].role == role)
      return demo_users[i].name;
  return NULL;
}
