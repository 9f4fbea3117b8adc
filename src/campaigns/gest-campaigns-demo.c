/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-campaigns-demo"

#include "config.h"

#include <string.h>

#include "gest-campaign-private.h"
#include "gest-campaigns-demo.h"
#include "gest-date.h"
#include "gest-demo.h"
#include "gest-vin.h"

#define DAY_USEC ((gint64) 86400 * G_USEC_PER_SEC)
#define PICK(rand, array) (array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))]

typedef struct
{
  const char *code;
  const char *kind;
  const char *description;
  const char *labour;
  const char *starts_on;
  const char *ends_on;
  gboolean    needs_parts;
  guint       share;       /* vehicles: base * share / 4 */
  guint       covered;     /* percent of them the parts cover */
} DemoCampaign;

static const DemoCampaign campaigns[] = {
  { "24S12", "safety-recall", "Reemplazo del inflador de la bolsa de aire del conductor",
    "1.2 h: desmontar el volante, sustituir el inflador, borrar códigos.", NULL, NULL, TRUE, 4, 40 },
  { "23B05", "satisfaction", "Actualización del software del módulo de control de la transmisión",
    "0.5 h: reprogramar el TCM con la herramienta de diagnóstico.", "2026-01-15", "2027-01-15", FALSE, 3, 100 },
  { "22E01", "emissions", "Sustitución del sensor de oxígeno posterior al catalizador",
    "0.8 h: cambiar el sensor y comprobar el monitor del catalizador.", "2026-03-01", "2027-02-28", TRUE, 2, 0 },
  { "25S03", "safety-recall", "Inspección y ajuste de los tornillos de la barra estabilizadora",
    "0.6 h: inspeccionar, apretar al par indicado o sustituir.", NULL, NULL, TRUE, 2, 0 },
};

/* Parts: campaign index, number, description, per vehicle, status, received (percent of
 * the campaign's vehicles times per vehicle). */
static const struct
{
  guint       campaign;
  const char *number;
  const char *description;
  guint       per_vehicle;
  const char *status;
  guint       received;
} parts[] = {
  { 0, "JL3Z-78043B13-A", "Inflador de bolsa de aire", 1, "received", 40 },
  { 0, "W714583-S442", "Tornillo del módulo", 2, "received", 60 },
  { 2, "KX6Z-9G444-B", "Sensor de oxígeno HO2S", 1, "back-ordered", 0 },
  { 3, "W715289-S439", "Tornillo de la barra estabilizadora", 4, "ordered", 0 },
  { 3, "JX6Z-5486-A", "Tornillo de enlace", 2, "requested", 0 },
};

static const char * const first_names[] = {
  "José", "María", "Juan", "Guadalupe", "Luis", "Rosa", "Carlos", "Patricia", "Miguel", "Laura",
  "Jorge", "Verónica", "Alejandro", "Gabriela", "Fernando", "Adriana",
};
static const char * const surnames[] = {
  "Hernández", "García", "Martínez", "López", "González", "Rodríguez", "Pérez", "Sánchez",
  "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes", "Jiménez",
};
static const char * const models[] = { "Lobo", "Ranger", "Escape", "Territory", "Maverick", "Bronco Sport" };
static const char * const closeouts[] = { "done-elsewhere", "not-applicable", "unlocatable" };

typedef struct
{
  sqlite3_stmt *campaign;
  sqlite3_stmt *customer;
  sqlite3_stmt *origin;
  sqlite3_stmt *vehicle;
  sqlite3_stmt *affected;
  sqlite3_stmt *part;
  sqlite3_stmt *review;
  sqlite3_stmt *existing;
  guint         serial;
} Statements;

static void
statements_clear (Statements *st)
{
  g_clear_pointer (&st->campaign, sqlite3_finalize);
  g_clear_pointer (&st->customer, sqlite3_finalize);
  g_clear_pointer (&st->origin, sqlite3_finalize);
  g_clear_pointer (&st->vehicle, sqlite3_finalize);
  g_clear_pointer (&st->affected, sqlite3_finalize);
  g_clear_pointer (&st->part, sqlite3_finalize);
  g_clear_pointer (&st->review, sqlite3_finalize);
  g_clear_pointer (&st->existing, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Statements, statements_clear)

static gboolean
step (GestStore     *store,
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
prepare (GestStore   *store,
         Statements  *st,
         GError     **error)
{
  st->campaign = gest_store_prepare (store,
                                     "INSERT INTO campaigns (uuid, code, kind, description, labour_notes, starts_on,"
                                     " ends_on, needs_parts, created_by, created_at, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)", error);
  st->customer = st->campaign == NULL ? NULL
    : gest_store_prepare (store, "INSERT INTO customers (uuid, name, phone_mobile, email, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  st->origin = st->customer == NULL ? NULL
    : gest_store_prepare (store, "INSERT INTO customer_data_origins (uuid, customer_uuid, origin, campaign_uuid,"
                                 " created_at, updated_at) VALUES (?1, ?2, 'recall-list', ?3, ?4, ?4)", error);
  st->vehicle = st->origin == NULL ? NULL
    : gest_store_prepare (store, "INSERT INTO vehicles (uuid, vin, model, year, customer_uuid, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  st->affected = st->vehicle == NULL ? NULL
    : gest_store_prepare (store, "INSERT INTO campaign_vehicles (uuid, campaign_uuid, vehicle_uuid, stage,"
                                 " stage_since, closeout, closed_by, closed_at, list_owner, list_phone, list_email,"
                                 " imported_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?5)",
                          error);
  st->part = st->affected == NULL ? NULL
    : gest_store_prepare (store, "INSERT INTO campaign_parts (uuid, campaign_uuid, part_number, description,"
                                 " qty_per_vehicle, status, qty_requested, qty_received, status_since, expected_on,"
                                 " updated_by, created_at, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?9, ?9)", error);
  st->review = st->part == NULL ? NULL
    : gest_store_prepare (store, "INSERT INTO campaign_reviews (uuid, campaign_uuid, week, reviewed_by, reviewed_at,"
                                 " n_affected, n_parts_pending, n_to_contact, n_contacted, n_booked, n_closed, note,"
                                 " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?5)", error);
  st->existing = st->review == NULL ? NULL
    : gest_store_prepare (store, "SELECT uuid, (SELECT name FROM customers WHERE uuid = customer_uuid)"
                                 " FROM vehicles WHERE customer_uuid IS NOT NULL AND deleted = 0"
                                 " ORDER BY rowid LIMIT ?1 OFFSET ?2", error);
  return st->existing != NULL;
}

/* A new vehicle and its owner from Ford's list (the owner marked recall-list). */
static gboolean
add_listed_vehicle (GestStore    *store,
                    Statements   *st,
                    GRand        *rand,
                    const char   *campaign_uuid,
                    gint64        now,
                    char        **out_vehicle,
                    char        **out_owner,
                    char        **out_phone,
                    char        **out_email,
                    GError      **error)
{
  static const char plants[] = "GHJNP";
  g_autofree char *customer = gest_uuid_new ();
  g_autofree char *origin = gest_uuid_new ();
  g_autofree char *vehicle = gest_uuid_new ();
  g_autofree char *ascii = NULL;
  g_autofree char *plain = NULL;
  char vin[18];
  char phone[11];
  char email[96];
  char name[96];
  guint serial = st->serial++;

  g_snprintf (name, sizeof name, "%s %s %s", PICK (rand, first_names), PICK (rand, surnames),
              PICK (rand, surnames));
  g_snprintf (phone, sizeof phone, "55%08u", g_rand_int_range (rand, 0, 100000000));
  plain = g_str_to_ascii (name, "C");
  ascii = g_ascii_strdown (plain, -1);
  g_strdelimit (ascii, " ", '.');
  g_snprintf (email, sizeof email, "%s%u@correo.example.mx", ascii, serial % 100);
  g_snprintf (vin, sizeof vin, "3FMCR9B60R%c%06u", plants[(serial / 1000000) % 5], serial % 1000000);
  vin[8] = gest_vin_check_digit (vin);

  sqlite3_bind_text (st->customer, 1, customer, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 3, phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->customer, 4, email, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st->customer, 5, now);
  sqlite3_bind_text (st->origin, 1, origin, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->origin, 2, customer, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->origin, 3, campaign_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st->origin, 4, now);
  sqlite3_bind_text (st->vehicle, 1, vehicle, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->vehicle, 2, vin, -1, SQLITE_STATIC);
  sqlite3_bind_text (st->vehicle, 3, PICK (rand, models), -1, SQLITE_STATIC);
  sqlite3_bind_int (st->vehicle, 4, g_rand_int_range (rand, 2019, 2025));
  sqlite3_bind_text (st->vehicle, 5, customer, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (st->vehicle, 6, now);
  if (!step (store, st->customer, error) || !step (store, st->origin, error) ||
      !step (store, st->vehicle, error))
    return FALSE;
  *out_vehicle = g_steal_pointer (&vehicle);
  *out_owner = g_strdup (name);
  *out_phone = g_strdup (phone);
  *out_email = g_strdup (email);
  return TRUE;
}

static gboolean
fill_campaign (GestStore           *store,
               Statements          *st,
               GRand               *rand,
               const DemoCampaign  *demo,
               const char          *uuid,
               guint                count,
               guint                existing_offset,
               gint64               now,
               GError             **error)
{
  const char *manager = gest_demo_user_name_for_role (GEST_ROLE_SERVICE_MANAGER);
  guint covered = count * demo->covered / 100;
  guint n_existing = count / 3;
  gint64 imported = now - 90 * DAY_USEC;
  gboolean exhausted = FALSE;   /* a finished statement would start again */

  /* A third are the dealer's own customers' vehicles; the rest come only with the list. */
  sqlite3_bind_int64 (st->existing, 1, n_existing);
  sqlite3_bind_int64 (st->existing, 2, existing_offset);
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *vehicle = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *phone = NULL;
      g_autofree char *email = NULL;
      g_autofree char *affected = gest_uuid_new ();
      const char *closeout = NULL;
      gint64 since = now - g_rand_int_range (rand, 0, 45) * DAY_USEC -
                     (gint64) g_rand_int_range (rand, 0, 86400) * G_USEC_PER_SEC;
      int stage;

      if (i < n_existing && !exhausted && sqlite3_step (st->existing) == SQLITE_ROW)
        {
          vehicle = g_strdup ((const char *) sqlite3_column_text (st->existing, 0));
          owner = g_strdup ((const char *) sqlite3_column_text (st->existing, 1));
          phone = g_strdup ("");
          email = g_strdup ("");
        }
      else
        {
          exhausted = TRUE;
          if (!add_listed_vehicle (store, st, rand, uuid, imported, &vehicle, &owner, &phone, &email, error))
            return FALSE;
        }

      if (i < covered)
        {
          int roll = g_rand_int_range (rand, 0, 100);

          stage = roll < 40 ? 1 : roll < 60 ? 2 : roll < 75 ? 3 : 4;
          if (stage == 4)
            closeout = "done-here";
        }
      else
        {
          stage = 0;
          if (g_rand_int_range (rand, 0, 100) < 4)
            {
              stage = 4;
              closeout = PICK (rand, closeouts);
            }
          else
            since = imported;
        }
      sqlite3_bind_text (st->affected, 1, affected, -1, SQLITE_STATIC);
      sqlite3_bind_text (st->affected, 2, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (st->affected, 3, vehicle, -1, SQLITE_STATIC);
      sqlite3_bind_int (st->affected, 4, stage);
      sqlite3_bind_int64 (st->affected, 5, since);
      sqlite3_bind_text (st->affected, 6, closeout, -1, SQLITE_STATIC);
      sqlite3_bind_text (st->affected, 7, closeout != NULL ? manager : NULL, -1, SQLITE_STATIC);
      if (closeout != NULL)
        sqlite3_bind_int64 (st->affected, 8, since);
      else
        sqlite3_bind_null (st->affected, 8);
      sqlite3_bind_text (st->affected, 9, owner != NULL ? owner : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (st->affected, 10, phone, -1, SQLITE_STATIC);
      sqlite3_bind_text (st->affected, 11, email, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (st->affected, 12, imported + i);
      if (!step (store, st->affected, error))
        return FALSE;
    }
  sqlite3_reset (st->existing);
  return TRUE;
}

static gboolean
fill_parts_and_reviews (GestStore   *store,
                        Statements  *st,
                        char       **uuids,
                        guint       *counts,
                        gint64       now,
                        GError     **error)
{
  const char *manager = gest_demo_user_name_for_role (GEST_ROLE_SERVICE_MANAGER);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *uuid = gest_uuid_new ();
      guint count = counts[parts[i].campaign];
      guint received = count * parts[i].received / 100 * parts[i].per_vehicle;

      sqlite3_bind_text (st->part, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (st->part, 2, uuids[parts[i].campaign], -1, SQLITE_STATIC);
      sqlite3_bind_text (st->part, 3, parts[i].number, -1, SQLITE_STATIC);
      sqlite3_bind_text (st->part, 4, parts[i].description, -1, SQLITE_STATIC);
      sqlite3_bind_int (st->part, 5, (int) parts[i].per_vehicle);
      sqlite3_bind_text (st->part, 6, parts[i].status, -1, SQLITE_STATIC);
      sqlite3_bind_int (st->part, 7, (int) (count * parts[i].per_vehicle));
      sqlite3_bind_int (st->part, 8, (int) received);
      sqlite3_bind_int64 (st->part, 9, now - (gint64) (10 + i) * DAY_USEC);
      sqlite3_bind_text (st->part, 10, g_str_equal (parts[i].status, "back-ordered") ? "2027-01-20" : NULL, -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (st->part, 11, manager, -1, SQLITE_STATIC);
      if (!step (store, st->part, error))
        return FALSE;
    }
  /* Reviews of the four weeks before this one: this week's is still due (S1's reminder). */
  for (guint c = 0; c < G_N_ELEMENTS (campaigns); c++)
    for (guint w = 1; w <= 4; w++)
      {
        g_autofree char *uuid = gest_uuid_new ();
        gint64 at = now - (gint64) w * 7 * DAY_USEC;
        g_autofree char *week = gest_campaign_week_of (at);
        guint counts_now[GEST_N_CAMPAIGN_STAGES];

        if (!gest_campaign_count_stages (store, uuids[c], counts_now, error))
          return FALSE;
        sqlite3_bind_text (st->review, 1, uuid, -1, SQLITE_STATIC);
        sqlite3_bind_text (st->review, 2, uuids[c], -1, SQLITE_STATIC);
        sqlite3_bind_text (st->review, 3, week, -1, SQLITE_STATIC);
        sqlite3_bind_text (st->review, 4, manager, -1, SQLITE_STATIC);
        sqlite3_bind_int64 (st->review, 5, at);
        sqlite3_bind_int (st->review, 6, (int) counts[c]);
        for (guint s = 0; s < GEST_N_CAMPAIGN_STAGES; s++)
          sqlite3_bind_int (st->review, 7 + (int) s, (int) counts_now[s]);
        sqlite3_bind_text (st->review, 12, w == 1 ? "Seguimiento con refacciones." : "", -1, SQLITE_STATIC);
        if (!step (store, st->review, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
gest_campaigns_demo_fill (GestStore  *store,
                          guint       n,
                          GRand      *rand,
                          GError    **error)
{
  g_auto(Statements) st = { 0 };
  const char *manager = gest_demo_user_name_for_role (GEST_ROLE_SERVICE_MANAGER);
  char *uuids[G_N_ELEMENTS (campaigns)] = { NULL };
  guint counts[G_N_ELEMENTS (campaigns)];
  guint base = CLAMP (n / 20, 1000, 50000);
  gint64 now = gest_timestamp_now ();
  guint offset = 0;
  gboolean ok = prepare (store, &st, error);

  for (guint c = 0; ok && c < G_N_ELEMENTS (campaigns); c++)
    {
      const DemoCampaign *demo = &campaigns[c];

      uuids[c] = gest_uuid_new ();
      counts[c] = base * demo->share / 4;
      sqlite3_bind_text (st.campaign, 1, uuids[c], -1, SQLITE_STATIC);
      sqlite3_bind_text (st.campaign, 2, demo->code, -1, SQLITE_STATIC);
      sqlite3_bind_text (st.campaign, 3, demo->kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (st.campaign, 4, demo->description, -1, SQLITE_STATIC);
      sqlite3_bind_text (st.campaign, 5, demo->labour, -1, SQLITE_STATIC);
      sqlite3_bind_text (st.campaign, 6, demo->starts_on, -1, SQLITE_STATIC);
      sqlite3_bind_text (st.campaign, 7, demo->ends_on, -1, SQLITE_STATIC);
      sqlite3_bind_int (st.campaign, 8, demo->needs_parts ? 1 : 0);
      sqlite3_bind_text (st.campaign, 9, manager, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (st.campaign, 10, now - 100 * DAY_USEC);
      ok = step (store, st.campaign, error) &&
           fill_campaign (store, &st, rand, demo, uuids[c], counts[c], offset, now, error);
      offset += counts[c] / 3;
    }
  ok = ok && fill_parts_and_reviews (store, &st, uuids, counts, now, error);
  for (guint c = 0; c < G_N_ELEMENTS (campaigns); c++)
    g_free (uuids[c]);
  return ok;
}
