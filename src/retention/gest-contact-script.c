/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-contact-script"

#include "config.h"

#include <glib/gi18n.h>

#include "gest-activity-log.h"
#include "gest-campaign.h"
#include "gest-contact-letter-private.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-letter-pdf.h"
#include "gest-permissions.h"
#include "gest-retention-domain.h"
#include "gest-service-visit.h"

/* The three kinds of text of the proactive contact (S6, S8, S15) and what they resolve: the
 * call script the coordinator reads, the letter printed after the fifth failed attempt and
 * the email sent instead when the customer has an address the data-use rule lets us use. */

static const GestTemplatePlaceholder placeholders[] = {
  { "customer.name", N_("Customer’s name") },
  { "customer.phone", N_("Customer’s phone") },
  { "customer.email", N_("Customer’s email") },
  { "customer.address", N_("Customer’s address") },
  { "vehicle", N_("Vehicle (model and year)") },
  { "vehicle.model", N_("Vehicle’s model") },
  { "vehicle.year", N_("Vehicle’s year") },
  { "vehicle.vin", N_("Vehicle’s VIN") },
  { "vehicle.plate", N_("Vehicle’s plate") },
  { "reason", N_("Reason of the contact") },
  { "campaigns.open", N_("Open field actions of the vehicle (a sentence; empty when none)") },
  { "promotions.current", N_("Current promotions (a sentence; empty when none or not allowed)") },
  { "dealer.name", N_("Dealer’s name") },
  { "dealer.phones", N_("Dealer’s phones for reservations") },
  { "dealer.address", N_("Dealer’s address") },
  { "user.name", N_("Signed-in user") },
  { "today", N_("Today’s date in words") },
};

static const GestTemplateKind kinds[] = {
  { GEST_CONTACT_TEMPLATE_SCRIPT, N_("Call script"), GEST_PERMISSION_EDIT_TEMPLATES,
    placeholders, G_N_ELEMENTS (placeholders) },
  { GEST_CONTACT_TEMPLATE_LETTER, N_("Letter after five failed attempts"), GEST_PERMISSION_EDIT_TEMPLATES,
    placeholders, G_N_ELEMENTS (placeholders) },
  { GEST_CONTACT_TEMPLATE_EMAIL, N_("Email after five failed attempts"), GEST_PERMISSION_EDIT_TEMPLATES,
    placeholders, G_N_ELEMENTS (placeholders) },
};

/* The default texts are Spanish on purpose: the coordinator reads them to the dealer's
 * customers, and the letters and emails go to them. */
static const struct
{
  const char *kind;
  const char *name;
  const char *subject;
  const char *body;
} defaults[] = {
  { GEST_CONTACT_TEMPLATE_SCRIPT, "Guion de llamada", "",
    "Buenos días, ¿hablo con {{customer.name}}? Le habla {{user.name}}, de {{dealer.name}}.\n\n"
    "Le llamamos por {{reason}} de su {{vehicle}}.\n\n"
    "{{campaigns.open}}\n\n"
    "¿Le gustaría agendar una cita? Con gusto le buscamos el día y el horario que más le convengan.\n\n"
    "{{promotions.current}}\n\n"
    "Si prefiere reservar en otro momento, puede llamarnos al {{dealer.phones}}. Gracias por su tiempo." },
  { GEST_CONTACT_TEMPLATE_LETTER, "Carta tras cinco intentos",
    "Servicio pendiente de su {{vehicle}}",
    "Estimado(a) {{customer.name}}:\n\n"
    "En {{dealer.name}} intentamos comunicarnos con usted por teléfono en varias ocasiones, sin lograrlo, "
    "para atender {{reason}} de su {{vehicle}} (VIN {{vehicle.vin}}).\n\n"
    "{{campaigns.open}}\n\n"
    "{{promotions.current}}\n\n"
    "Para agendar su cita, llámenos al {{dealer.phones}} o visítenos en {{dealer.address}}. Con gusto le "
    "atenderemos en el día y el horario que más le convengan." },
  { GEST_CONTACT_TEMPLATE_EMAIL, "Correo tras cinco intentos",
    "{{dealer.name}}: servicio pendiente de su {{vehicle}}",
    "Estimado(a) {{customer.name}}:\n\n"
    "En {{dealer.name}} intentamos comunicarnos con usted por teléfono en varias ocasiones, sin lograrlo, "
    "para atender {{reason}} de su {{vehicle}} (VIN {{vehicle.vin}}).\n\n"
    "{{campaigns.open}}\n\n"
    "{{promotions.current}}\n\n"
    "Para agendar su cita, llámenos al {{dealer.phones}} o visítenos en {{dealer.address}}. Con gusto le "
    "atenderemos en el día y el horario que más le convengan.\n\n"
    "Atentamente,\n{{dealer.name}}\nTel. {{dealer.phones}}" },
};

static void
put (GHashTable *values,
     const char *name,
     const char *value)
{
  g_hash_table_insert (values, (gpointer) name, g_strdup (value != NULL ? value : ""));
}

static void
take (GHashTable *values,
      const char *name,
      char       *value)
{
  g_hash_table_insert (values, (gpointer) name, value != NULL ? value : g_strdup (""));
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? text : "";
}

static void
append_part (GString    *out,
             const char *separator,
             const char *part)
{
  if (part == NULL || part[0] == '\0')
    return;
  if (out->len > 0)
    g_string_append (out, separator);
  g_string_append (out, part);
}

static gboolean
add_customer (GestStore   *store,
              GHashTable  *values,
              const char  *customer_uuid,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) address = g_string_new (NULL);
  g_autoptr(GString) street = g_string_new (NULL);
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT name, email, phone_mobile, phone_home, phone_work, street, ext_number,"
                             " int_number, neighborhood, city, postal_code FROM customers WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, customer_uuid != NULL ? customer_uuid : "", -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);

  put (values, "customer.name", column_text (stmt, 0));
  put (values, "customer.email", column_text (stmt, 1));
  for (int column = 2; column <= 4; column++)
    if (column_text (stmt, column)[0] != '\0')
      {
        put (values, "customer.phone", column_text (stmt, column));
        break;
      }
  append_part (street, "", column_text (stmt, 5));
  append_part (street, " ", column_text (stmt, 6));
  if (column_text (stmt, 7)[0] != '\0')
    g_string_append_printf (street, " int. %s", column_text (stmt, 7));
  append_part (address, ", ", street->str);
  append_part (address, ", ", column_text (stmt, 8));
  append_part (address, ", ", column_text (stmt, 9));
  if (column_text (stmt, 10)[0] != '\0')
    g_string_append_printf (address, "%sC.P. %s", address->len > 0 ? ", " : "", column_text (stmt, 10));
  put (values, "customer.address", address->str);
  return TRUE;
}

static gboolean
add_vehicle (GestStore   *store,
             GHashTable  *values,
             const char  *vehicle_uuid,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *model;
  int year;
  int rc;

  put (values, "vehicle", "vehículo");
  if (vehicle_uuid == NULL)
    return TRUE;
  stmt = gest_store_prepare (store, "SELECT vin, model, year, plate FROM vehicles WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, vehicle_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);

  model = column_text (stmt, 1);
  year = sqlite3_column_int (stmt, 2);
  put (values, "vehicle.vin", column_text (stmt, 0));
  put (values, "vehicle.model", model);
  take (values, "vehicle.year", year > 0 ? g_strdup_printf ("%d", year) : NULL);
  put (values, "vehicle.plate", column_text (stmt, 3));
  if (model[0] != '\0')
    take (values, "vehicle", g_strdup_printf ("%s%s%s%.0d", g_str_has_prefix (model, "Ford") ? "" : "Ford ",
                                              model, year > 0 ? " " : "", year));
  return TRUE;
}

/* The reason as a Spanish noun phrase ("el mantenimiento vencido"): it is read to the
 * customer and printed in the letter, whatever the language of the user's interface. */
static char *
reason_text (GestStore  *store,
             const char *source,
             const char *record_uuid)
{
  const GestContactSource *info = NULL;

  if (g_strcmp0 (source, GEST_CAMPAIGN_CONTACT_SOURCE) == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                         "SELECT c.code FROM campaign_vehicles cv"
                                                         " JOIN campaigns c ON c.uuid = cv.campaign_uuid"
                                                         " WHERE cv.uuid = ?1", NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            return g_strdup_printf ("la acción de servicio en campo %s", column_text (stmt, 0));
        }
      return g_strdup ("una acción de servicio en campo");
    }
  if (g_strcmp0 (source, GEST_RETENTION_SOURCE_LAPSED) == 0)
    return g_strdup ("el mantenimiento vencido");
  if (g_strcmp0 (source, GEST_RETENTION_SOURCE_FOLLOWUP) == 0)
    {
      g_autoptr(sqlite3_stmt) stmt = gest_store_prepare (store,
                                                         "SELECT kind FROM service_followups WHERE uuid = ?1",
                                                         NULL);

      if (stmt != NULL)
        {
          sqlite3_bind_text (stmt, 1, record_uuid, -1, SQLITE_STATIC);
          if (sqlite3_step (stmt) == SQLITE_ROW && g_str_equal (column_text (stmt, 0), "quote"))
            return g_strdup ("la cotización pendiente de autorizar");
        }
      return g_strdup ("las refacciones pendientes");
    }
  if (gest_domain_modules_find_contact_source (source, &info) != NULL && info->label != NULL)
    return g_utf8_strdown (_(info->label), -1);
  return g_strdup ("el servicio pendiente");
}

static char *
setting (GestStore  *store,
         const char *key)
{
  char *value = gest_store_get_setting (store, key);

  if (value != NULL && value[0] == '\0')
    g_clear_pointer (&value, g_free);
  return value;
}

char *
gest_contact_day_of (gint64 at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at / G_USEC_PER_SEC);
  g_autoptr(GTimeZone) zone = gest_dealer_timezone ();
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);

  return g_date_time_format (local, "%Y-%m-%d");
}

GHashTable *
gest_contact_values_new (GestStore   *store,
                         const char  *source,
                         const char  *record_uuid,
                         const char  *customer_uuid,
                         const char  *vehicle_uuid,
                         const char  *promotions_day,
                         GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree char *actions = NULL;
  g_autofree char *reservations = setting (store, "dealer.reservation_phones");
  g_autofree char *phones = setting (store, "dealer.phones");
  g_autofree char *today_words = NULL;
  GDate today;

  if (!add_customer (store, values, customer_uuid, error) ||
      !add_vehicle (store, values, vehicle_uuid, error))
    return NULL;

  /* S8: whatever the reason of the contact. */
  if (vehicle_uuid != NULL)
    {
      actions = gest_campaign_open_actions_text (store, vehicle_uuid, error);
      if (actions == NULL)
        return NULL;
    }
  if (actions != NULL && actions[0] != '\0')
    take (values, "campaigns.open",
          g_strdup_printf ("Su vehículo tiene acciones de servicio en campo de Ford abiertas, que se realizan sin "
                           "costo para usted: %s.", actions));
  if (promotions_day != NULL)
    {
      char *promotions = gest_contact_promotions_text (store, promotions_day, error);

      if (promotions == NULL)
        return NULL;
      take (values, "promotions.current", promotions);
    }

  take (values, "reason", reason_text (store, source, record_uuid));
  take (values, "dealer.name", setting (store, "dealer.name"));
  put (values, "dealer.phones", reservations != NULL ? reservations : phones);
  take (values, "dealer.address", setting (store, "dealer.address"));
  take (values, "user.name", gest_store_get_user_name (store));
  gest_date_today (&today);
  today_words = gest_letter_format_date (NULL, &today);
  put (values, "today", today_words);
  return g_steal_pointer (&values);
}

char *
gest_contact_resolve (const char         *text,
                      GHashTable         *values,
                      GestTemplateEscape  escape)
{
  g_autofree char *resolved = gest_template_resolve (text, values, escape);
  const char *actions = g_hash_table_lookup (values, "campaigns.open");
  g_autoptr(GPtrArray) names = gest_template_parse (text, NULL);
  g_autoptr(GString) out = NULL;
  gboolean told = FALSE;
  guint newlines = 0;

  for (guint i = 0; names != NULL && i < names->len; i++)
    told = told || g_str_equal (g_ptr_array_index (names, i), "campaigns.open");
  out = g_string_new (resolved);
  /* S8: the open field actions are told even when an edited template left them out. */
  if (!told && actions != NULL && actions[0] != '\0')
    {
      g_autofree char *escaped = escape == GEST_TEMPLATE_MARKUP ? g_markup_escape_text (actions, -1)
                                                                : g_strdup (actions);

      g_string_append_printf (out, "\n\n%s", escaped);
    }

  /* Placeholders that resolve to nothing leave blank paragraphs: keep one blank line. */
  {
    GString *collapsed = g_string_sized_new (out->len);

    for (const char *p = out->str; *p != '\0'; p++)
      {
        newlines = *p == '\n' ? newlines + 1 : 0;
        if (newlines <= 2)
          g_string_append_c (collapsed, *p);
      }
    g_string_free (out, TRUE);
    out = collapsed;
  }
  return g_strstrip (g_string_free (g_steal_pointer (&out), FALSE));
}

void
gest_contact_templates_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      gest_template_kinds_add (kinds, G_N_ELEMENTS (kinds));
      g_once_init_leave (&once, 1);
    }
}

static GestTemplateRecord *
default_template (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (g_str_equal (defaults[i].kind, kind))
      {
        GestTemplateRecord *record = g_new0 (GestTemplateRecord, 1);

        record->kind = g_strdup (defaults[i].kind);
        record->name = g_strdup (defaults[i].name);
        record->subject = g_strdup (defaults[i].subject);
        record->body = g_strdup (defaults[i].body);
        return record;
      }
  g_return_val_if_reached (NULL);
}

GestTemplateRecord *
gest_contact_template_get (GestStore   *store,
                           const char  *kind,
                           GError     **error)
{
  g_autoptr(GPtrArray) stored = NULL;

  g_return_val_if_fail (kind != NULL, NULL);

  gest_contact_templates_init ();
  stored = gest_templates_list (store, kind, error);
  if (stored == NULL)
    return NULL;
  if (stored->len == 0)
    return default_template (kind);
  return g_ptr_array_steal_index (stored, 0);
}

gboolean
gest_contact_templates_ensure_defaults (GestStore  *store,
                                        GError    **error)
{
  gboolean own = FALSE;
  gboolean ok = TRUE;

  gest_contact_templates_init ();
  if (!gest_store_begin_change (store, "contact_template_defaults", &own, error))
    return FALSE;
  for (guint i = 0; ok && i < G_N_ELEMENTS (defaults); i++)
    {
      g_autoptr(GPtrArray) stored = gest_templates_list (store, defaults[i].kind, error);
      g_autofree char *uuid = NULL;
      g_autofree char *text = NULL;
      sqlite3_stmt *stmt;

      ok = stored != NULL;
      if (!ok || stored->len > 0)
        continue;
      /* The defaults are the module's, not a user's edit: no permission to create them. */
      stmt = gest_store_prepare_cached (store,
                                        "INSERT INTO templates (uuid, kind, name, subject, body, updated_at)"
                                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      ok = stmt != NULL;
      if (!ok)
        continue;
      uuid = gest_uuid_new ();
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, defaults[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, defaults[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, defaults[i].subject, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, defaults[i].body, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 6, g_get_real_time ());
      ok = sqlite3_step (stmt) == SQLITE_DONE;
      if (!ok)
        gest_store_set_error (store, error);
      sqlite3_reset (stmt);
      text = g_strdup_printf (_("Default template “%s” created."), defaults[i].name);
      ok = ok && gest_activity_log_append (store, uuid, GEST_ACTIVITY_NOTE, text, NULL, NULL, error) >= 0;
    }
  return gest_store_end_change (store, "contact_template_defaults", own, ok, ok ? error : NULL) && ok;
}

/* The customer and vehicle of a queue row: its target's once called, else the source's. */
static gboolean
find_subject (GestStore   *store,
              const char  *source,
              const char  *record_uuid,
              char       **out_customer,
              char       **out_vehicle,
              GError     **error)
{
  const GestContactSource *info = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *today = NULL;
  gint64 now = g_get_real_time ();
  int rc;

  stmt = gest_store_prepare (store,
                             "SELECT customer_uuid, vehicle_uuid FROM contact_targets"
                             " WHERE source = ?1 AND record_uuid = ?2 AND deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, record_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_customer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *out_vehicle = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (gest_domain_modules_find_contact_source (source, &info) == NULL)
    {
      g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                   _("No module offers calls of the kind “%s”. Update Gestiona, or remove the call."), source);
      return FALSE;
    }
  /* The source's columns by position (GestContactSource), whatever their names in its SQL. */
  sql = g_strdup_printf ("WITH s (record_uuid, customer_uuid, vehicle_uuid, due_on, detail) AS (%s)"
                         " SELECT customer_uuid, vehicle_uuid FROM s WHERE record_uuid = :record_uuid", info->sql);
  stmt = gest_store_prepare (store, sql, error);
  if (stmt == NULL)
    return FALSE;
  today = gest_contact_day_of (now);
  if (sqlite3_bind_parameter_index (stmt, ":today") > 0)
    sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":today"), today, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_index (stmt, ":now") > 0)
    sqlite3_bind_int64 (stmt, sqlite3_bind_parameter_index (stmt, ":now"), now);
  sqlite3_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":record_uuid"), record_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_customer = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *out_vehicle = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                       _("This customer is no longer in today’s queue: reload the queue."));
  return FALSE;
}

char *
gest_contact_script_resolve (GestStore   *store,
                             const char  *source,
                             const char  *record_uuid,
                             GError     **error)
{
  g_autofree char *customer_uuid = NULL;
  g_autofree char *vehicle_uuid = NULL;
  g_autofree char *today = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GestTemplateRecord) script = NULL;
  gboolean recall_only;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (source != NULL && record_uuid != NULL, NULL);

  if (!find_subject (store, source, record_uuid, &customer_uuid, &vehicle_uuid, error))
    return NULL;
  recall_only = gest_campaign_customer_is_recall_only (store, customer_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  today = gest_contact_day_of (g_get_real_time ());
  /* The data-use rule: no promotions from contact data that came only with a VIN list. */
  values = gest_contact_values_new (store, source, record_uuid, customer_uuid, vehicle_uuid,
                                    recall_only ? NULL : today, error);
  if (values == NULL)
    return NULL;
  script = gest_contact_template_get (store, GEST_CONTACT_TEMPLATE_SCRIPT, error);
  if (script == NULL)
    return NULL;
  return gest_contact_resolve (script->body, values, GEST_TEMPLATE_PLAIN);
}
