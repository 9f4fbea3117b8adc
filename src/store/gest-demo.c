/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-demo"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-demo.h"
#include "gest-domain-module.h"
#include "gest-rfc.h"
#include "gest-vin.h"

/* Demonstration data for a Ford dealership in Mexico. Speed matters (n = 1,000,000): one
 * transaction, statements prepared once, stack buffers per row, no per-row allocation. */

static const char * const first_names[] = {
  "José", "María", "Juan", "Guadalupe", "Francisco", "Ana", "Luis", "Rosa", "Carlos", "Patricia",
  "Jorge", "Laura", "Miguel", "Verónica", "Alejandro", "Gabriela", "Roberto", "Adriana", "Fernando",
  "Alejandra", "Ricardo", "Leticia", "Eduardo", "Claudia", "Javier", "Mónica", "Sergio", "Silvia",
  "Arturo", "Martha", "Raúl", "Elena", "Héctor", "Norma", "Armando", "Araceli", "Enrique", "Yolanda",
  "Óscar", "Sofía", "Daniel", "Ximena", "Iñaki", "Begoña",
};

static const char * const surnames[] = {
  "Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez", "Sánchez",
  "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez", "Torres", "Díaz",
  "Gutiérrez", "Ruiz", "Mendoza", "Aguilar", "Ortiz", "Moreno", "Castillo", "Romero", "Álvarez",
  "Méndez", "Chávez", "Rivera", "Juárez", "Ramos", "Domínguez", "Herrera", "Medina", "Castro",
  "Vargas", "Guzmán", "Velázquez", "Muñoz", "Rojas", "Contreras", "Salazar", "Luna", "Ibarra",
  "Núñez", "Ortega", "Acosta", "Cárdenas", "Peña",
};

static const char * const company_words[] = {
  "Transportes", "Logística", "Constructora", "Distribuidora", "Servicios", "Comercializadora",
  "Agroindustrias", "Fletes",
};

static const char * const company_names[] = {
  "del Bajío", "del Norte", "Azteca", "Jalisciense", "Regiomontana", "del Golfo", "Poblana",
  "de Occidente", "Peninsular", "del Pacífico",
};

static const char * const streets[] = {
  "Av. Insurgentes Sur", "Calle Hidalgo", "Av. Juárez", "Calle Morelos", "Av. Reforma",
  "Calle 5 de Mayo", "Av. Revolución", "Calle Allende", "Calzada de Tlalpan", "Av. Constitución",
  "Calle Zaragoza", "Av. Vallarta", "Calle Guerrero", "Av. López Mateos",
};

static const char * const neighborhoods[] = {
  "Centro", "Del Valle", "Roma Norte", "Americana", "Chapultepec", "Jardines del Bosque",
  "San Pedro", "Las Águilas", "Lomas Verdes", "Santa Fe", "Providencia", "Mitras Centro",
};

typedef struct
{
  const char *city;
  const char *state;
  const char *area_code;
  int         postal_base;
} City;

static const City cities[] = {
  { "Ciudad de México", "CDMX", "55", 3100 },
  { "Guadalajara", "JAL", "33", 44100 },
  { "Zapopan", "JAL", "33", 45010 },
  { "Monterrey", "NL", "81", 64000 },
  { "Puebla", "PUE", "222", 72000 },
  { "Querétaro", "QRO", "442", 76000 },
  { "León", "GTO", "477", 37000 },
  { "Toluca", "MEX", "722", 50000 },
  { "Mérida", "YUC", "999", 97000 },
  { "Aguascalientes", "AGS", "449", 20000 },
  { "Morelia", "MICH", "443", 58000 },
  { "Veracruz", "VER", "229", 91700 },
};

typedef struct
{
  const char *name;
  const char *wmi;
  const char *vds;   /* 5 characters */
} Model;

static const Model models[] = {
  { "Figo", "3FA", "DP4AJ" }, { "Fiesta", "3FA", "DP4BJ" }, { "Focus", "1FA", "DP3E2" },
  { "Fusion", "3FA", "6P0HD" }, { "Mustang", "1FA", "6P8TH" }, { "EcoSport", "MAJ", "6S3GL" },
  { "Escape", "1FM", "CU0GD" }, { "Edge", "2FM", "PK3J9" }, { "Explorer", "1FM", "5K7D8" },
  { "Expedition", "1FM", "JU1HT" }, { "Ranger", "1FT", "ER4FH" }, { "Lobo", "1FT", "EW1EP" },
  { "F-150", "1FT", "FW1E5" }, { "Maverick", "3FT", "TW8E3" }, { "Bronco", "1FM", "DE5BH" },
  { "Territory", "LVS", "HFAE2" }, { "Transit", "1FT", "BW2CM" },
};

/* Model-year codes at VIN position 10, from 2016. */
static const char year_codes[] = "GHJKLMNPRSTVW";

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
make_uuid (GRand *rand,
           char   out[37])
{
  guint32 a = g_rand_int (rand), b = g_rand_int (rand), c = g_rand_int (rand), d = g_rand_int (rand);

  g_snprintf (out, 37, "%08x-%04x-4%03x-%04x-%04x%08x",
              a, b >> 16, b & 0xfff, 0x8000 | (c >> 18), c & 0xffff, d);
}

/* Upper-case ASCII of a name ("Núñez" → "NUNEZ"), for RFC letters. */
static void
ascii_upper (const char *text,
             char       *out,
             gsize       size)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  gsize j = 0;

  for (gsize i = 0; ascii[i] != '\0' && j + 1 < size; i++)
    if (g_ascii_isalpha (ascii[i]))
      out[j++] = g_ascii_toupper (ascii[i]);
  out[j] = '\0';
}

static char
first_inner_vowel (const char *word)
{
  for (gsize i = 1; word[i] != '\0'; i++)
    if (strchr ("AEIOU", word[i]) != NULL)
      return word[i];
  return 'X';
}

/* RFC of a persona física or moral, check digit computed, date valid. */
static void
make_rfc (GRand      *rand,
          gboolean    moral,
          const char *first,
          const char *surname1,
          const char *surname2,
          char        out[14])
{
  static const char homoclave[] = "ABCDEFGHJKLMNPRSTUVWXYZ123456789";
  char a[32], b[32], c[32];
  int year = g_rand_int_range (rand, 50, 100 + 5) % 100;
  int month = g_rand_int_range (rand, 1, 13);
  int day = g_rand_int_range (rand, 1, 29);
  char check;
  gsize len;

  ascii_upper (surname1, a, sizeof a);
  ascii_upper (surname2, b, sizeof b);
  ascii_upper (first, c, sizeof c);

  if (moral)
    g_snprintf (out, 14, "%c%c%c%02d%02d%02d%c%c0", a[0], b[0], c[0], year, month, day,
                homoclave[g_rand_int_range (rand, 0, sizeof homoclave - 1)], homoclave[g_rand_int_range (rand, 0, sizeof homoclave - 1)]);
  else
    g_snprintf (out, 14, "%c%c%c%c%02d%02d%02d%c%c0", a[0], first_inner_vowel (a), b[0], c[0],
                year, month, day, homoclave[g_rand_int_range (rand, 0, sizeof homoclave - 1)], homoclave[g_rand_int_range (rand, 0, sizeof homoclave - 1)]);

  len = strlen (out);
  check = gest_rfc_check_digit (out);
  out[len - 1] = check != '\0' ? check : '0';
}

static void
make_vin (const Model *model,
          int          year,
          guint        serial,
          char         out[18])
{
  static const char plants[] = "ABCDEFKLMRSXZ";
  char check;

  /* The plant letter and serial together are unique per demo row up to 13 million rows. */
  g_snprintf (out, 18, "%s%s0%c%c%06u", model->wmi, model->vds, year_codes[year - 2016],
              plants[(serial / 1000000) % (sizeof plants - 1)], serial % 1000000);
  check = gest_vin_check_digit (out);
  out[8] = check != '\0' ? check : '0';
}

typedef struct
{
  sqlite3_stmt *customer;
  sqlite3_stmt *vehicle;
  sqlite3_stmt *plan;
} Statements;

static void
statements_clear (Statements *st)
{
  g_clear_pointer (&st->customer, sqlite3_finalize);
  g_clear_pointer (&st->vehicle, sqlite3_finalize);
  g_clear_pointer (&st->plan, sqlite3_finalize);
}

static gboolean
step_reset (GestStore     *store,
            sqlite3_stmt  *stmt,
            GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static gboolean
insert_one (GestStore     *store,
            Statements    *st,
            GRand         *rand,
            guint          index,
            gint64         now,
            const char    *as_of,
            GError       **error)
{
  const City *city = &PICK (rand, cities);
  const char *first = PICK (rand, first_names);
  const char *surname1 = PICK (rand, surnames);
  const char *surname2 = PICK (rand, surnames);
  gboolean moral = g_rand_int_range (rand, 0, 100) < 8;
  const Model *model = &PICK (rand, models);
  int year = g_rand_int_range (rand, 2016, 2027);
  char customer_uuid[37], vehicle_uuid[37], plan_uuid[37];
  char name[160], rfc[14], email[160], phone[16], postal[8], vin[18], plate[16], number[24];
  char ascii_first[32], ascii_surname[32];
  GestMoney installment, balance, overdue, life;
  int remaining;

  make_uuid (rand, customer_uuid);
  make_uuid (rand, vehicle_uuid);
  make_uuid (rand, plan_uuid);

  ascii_upper (first, ascii_first, sizeof ascii_first);
  ascii_upper (surname1, ascii_surname, sizeof ascii_surname);
  if (moral)
    {
      const char *word = PICK (rand, company_words);
      const char *place = PICK (rand, company_names);

      g_snprintf (name, sizeof name, "%s %s %s, S.A. de C.V.", word, surname1, place);
      make_rfc (rand, TRUE, place, word, surname1, rfc);
      g_snprintf (email, sizeof email, "contacto%u@empresa.example.mx", index);
    }
  else
    {
      g_snprintf (name, sizeof name, "%s %s %s", first, surname1, surname2);
      make_rfc (rand, FALSE, first, surname1, surname2, rfc);
      g_snprintf (email, sizeof email, "%c%s.%u@example.com",
                  g_ascii_tolower (ascii_first[0]), ascii_surname, index);
      for (char *p = email; *p != '\0'; p++)
        *p = g_ascii_tolower (*p);
    }
  if (strlen (city->area_code) == 2)
    g_snprintf (phone, sizeof phone, "%s%08u", city->area_code, g_rand_int_range (rand, 10000000, 99999999));
  else
    g_snprintf (phone, sizeof phone, "%s%07u", city->area_code, g_rand_int_range (rand, 1000000, 9999999));
  g_snprintf (postal, sizeof postal, "%05d", city->postal_base + g_rand_int_range (rand, 0, 90));

  sqlite3_bind_text (st->customer, 1, customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 2, moral ? "moral" : "fisica", -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 3, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 4, rfc, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 5, postal, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 6, PICK (rand, streets), -1, SQLITE_STATIC);
  sqlite3_bind_int (st->customer, 7, g_rand_int_range (rand, 1, 3000));
  sqlite3_bind_text (st->customer, 8, PICK (rand, neighborhoods), -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 9, city->city, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 10, city->state, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 11, email, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 12, phone, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st->customer, 13, now);
  if (!step_reset (store, st->customer, error))
    return FALSE;

  make_vin (model, year, index, vin);
  g_snprintf (plate, sizeof plate, "%c%c%c-%03d-%c", 'A' + g_rand_int_range (rand, 0, 26),
              'A' + g_rand_int_range (rand, 0, 26), 'A' + g_rand_int_range (rand, 0, 26),
              g_rand_int_range (rand, 0, 1000), 'A' + g_rand_int_range (rand, 0, 26));
  sqlite3_bind_text (st->vehicle, 1, vehicle_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->vehicle, 2, vin, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->vehicle, 3, model->name, -1, SQLITE_STATIC);
  sqlite3_bind_int (st->vehicle, 4, year);
  sqlite3_bind_int (st->vehicle, 5, year >= 2026 ? g_rand_int_range (rand, 5, 3000)
                                                 : g_rand_int_range (rand, 3000, 25000) * (2027 - year));
  sqlite3_bind_text (st->vehicle, 6, plate, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->vehicle, 7, customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st->vehicle, 8, now);
  if (!step_reset (store, st->vehicle, error))
    return FALSE;

  /* Installments of $2,500 to $12,000; 1 to 60 remaining; a third of plans owe something. */
  installment = (GestMoney) g_rand_int_range (rand, 250, 1200) * 1000;
  remaining = g_rand_int_range (rand, 1, 61);
  balance = installment * remaining;
  switch (g_rand_int_range (rand, 0, 6))
    {
    case 0:
      overdue = g_rand_int_range (rand, 1, 500) * 100;                  /* small, ≤ $500 */
      break;
    case 1:
      overdue = installment * g_rand_int_range (rand, 2, 5);            /* ≥ 2 installments */
      break;
    default:
      overdue = 0;
      break;
    }
  life = balance / 200;
  g_snprintf (number, sizeof number, "%04u-%03u", 1000 + index / 150, 1 + index % 150);

  sqlite3_bind_text (st->plan, 1, plan_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->plan, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->plan, 3, customer_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->plan, 4, vehicle_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st->plan, 5, installment);
  sqlite3_bind_int64 (st->plan, 6, balance);
  sqlite3_bind_int64 (st->plan, 7, overdue);
  sqlite3_bind_int64 (st->plan, 8, life);
  sqlite3_bind_text (st->plan, 9, as_of, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st->plan, 10, now);
  return step_reset (store, st->plan, error);
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

static gboolean
is_empty (GestStore  *store,
          GError    **error)
{
  sqlite3_stmt *stmt = gest_store_prepare (store,
                                           "SELECT (SELECT count(*) FROM (SELECT 1 FROM customers LIMIT 1))"
                                           " + (SELECT count(*) FROM (SELECT 1 FROM plans LIMIT 1))",
                                           error);
  gboolean empty = FALSE;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_finalize (stmt);

  if (!empty)
    g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                 _("The database “%s” already holds customers or plans. Demonstration data only "
                   "goes into an empty database; choose a new file with --db."),
                 gest_store_get_path (store));
  return empty;
}

gboolean
gest_demo_fill (GestStore     *store,
                guint          n,
                guint32        seed,
                GCancellable  *cancellable,
                GError       **error)
{
  Statements st = { 0 };
  g_autoptr(GRand) rand = NULL;
  g_autofree char *as_of = NULL;
  GDate today;
  gint64 now = gest_timestamp_now ();
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
  if (!is_empty (store, error) || !gest_store_begin (store, TRUE, error))
    return FALSE;
  /* Random uuid keys touch pages all over the tables: a 256 MiB page cache for the fill. */
  cache_size = query_cache_size (store);
  gest_store_exec (store, "PRAGMA cache_size = -262144", NULL);
  /* Demonstration data never enters the sync outbox, and the database says it holds it, so
   * it can never be enrolled with (and sent to) Conauto's server. */
  if (!gest_store_exec (store, "INSERT INTO sync_applying (one) VALUES (1)", error))
    goto out;

  gest_date_today (&today);
  as_of = gest_date_to_iso (&today);
  rand = g_rand_new_with_seed (seed);

  st.customer = gest_store_prepare (store,
                                    "INSERT INTO customers (uuid, kind, name, rfc, fiscal_postal_code, street,"
                                    " ext_number, neighborhood, city, state_code, postal_code, email,"
                                    " phone_mobile, updated_at)"
                                    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?5, ?11, ?12, ?13)",
                                    error);
  st.vehicle = st.customer == NULL ? NULL :
    gest_store_prepare (store,
                        "INSERT INTO vehicles (uuid, vin, model, year, km, plate, customer_uuid, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        error);
  st.plan = st.vehicle == NULL ? NULL :
    gest_store_prepare (store,
                        "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment, balance,"
                        " overdue, life_insurance, as_of, updated_at)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                        error);
  if (st.plan == NULL)
    goto out;

  for (guint i = 0; i < n; i++)
    {
      if (i % 4096 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (!insert_one (store, &st, rand, i, now, as_of, error))
        goto out;
    }
  statements_clear (&st);

  {
    GPtrArray *modules = gest_domain_modules_get ();

    for (guint i = 0; modules != NULL && i < modules->len; i++)
      if (!gest_domain_module_fill_demo (g_ptr_array_index (modules, i), store, n, rand, error))
        goto out;
  }

  if (!gest_store_exec (store, "DELETE FROM sync_applying;"
                                "INSERT OR REPLACE INTO settings (key, value) VALUES ('demo.loaded', '1')",
                        error))
    goto out;
  ok = gest_store_commit (store, error);

out:
  statements_clear (&st);
  if (!ok)
    gest_store_rollback (store);
  {
    g_autofree char *restore = g_strdup_printf ("PRAGMA cache_size = %" G_GINT64_FORMAT, cache_size);
    gest_store_exec (store, restore, NULL);
  }
  return ok;
}
