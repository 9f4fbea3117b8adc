/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-vehicle-edit"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-plan-edit-common.h"
#include "gest-vehicle-edit.h"
#include "gest-vin.h"

typedef struct
{
  GestVehicleValues *values;
  char              *uuid;
  GestVehicleField   field;
} SaveData;

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

/* Digits only, the thousands separators dropped ("12,500" → "12500"); NULL if anything else. */
static char *
whole_number (const char *text)
{
  g_autofree char *clean = trimmed (text);
  GString *digits = g_string_new (NULL);

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p != ',' && *p != ' ')
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  return g_string_free (digits, FALSE);
}

static int
current_year (void)
{
  GDate today;

  gest_date_today (&today);
  return g_date_get_year (&today);
}

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  gest_vehicle_values_free (save->values);
  g_free (save->uuid);
  g_free (save);
}

static gboolean
check_owner_and_vin (GestStore               *store,
                     const char              *uuid,
                     const GestVehicleValues *values,
                     const char              *vin,
                     GestVehicleField        *out_field,
                     GError                 **error)
{
  g_autoptr(sqlite3_stmt) owner = NULL;
  g_autoptr(sqlite3_stmt) other = NULL;
  int rc;

  owner = gest_store_prepare (store, "SELECT 1 FROM customers WHERE uuid = ?1 AND deleted = 0", error);
  if (owner == NULL)
    return FALSE;
  sqlite3_bind_text (owner, 1, values->customer_uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (owner);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The vehicle’s owner is no longer there: it was merged into another customer or deleted. Open the customer again."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return gest_store_set_error (store, error);

  /* vehicles.vin is unique over every row, deleted ones included. */
  other = gest_store_prepare (store,
                              "SELECT IFNULL(c.name, ''), v.deleted FROM vehicles v"
                              " LEFT JOIN customers c ON c.uuid = v.customer_uuid"
                              " WHERE v.vin = ?1 AND v.uuid IS NOT ?2", error);
  if (other == NULL)
    return FALSE;
  sqlite3_bind_text (other, 1, vin, -1, SQLITE_STATIC);
  sqlite3_bind_text (other, 2, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (other);
  if (rc == SQLITE_ROW)
    {
      if (out_field != NULL)
        *out_field = GEST_VEHICLE_FIELD_VIN;
      if (sqlite3_column_int (other, 1) != 0)
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("The VIN %s belongs to a vehicle that was deleted. Check the VIN against the invoice."),
                     vin);
      else
        g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                     _("The VIN %s is already registered, for %s. Check the VIN against the invoice; if the car changed owner, edit that vehicle."),
                     vin, (const char *) sqlite3_column_text (other, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

static void
bind_values (sqlite3_stmt            *stmt,
             const GestVehicleValues *values)
{
  g_autofree char *year = whole_number (values->fields[GEST_VEHICLE_FIELD_YEAR]);
  g_autofree char *km = whole_number (values->fields[GEST_VEHICLE_FIELD_KM]);

  sqlite3_bind_text (stmt, 2, g_ascii_strup (g_strstrip (g_strdup (values->fields[GEST_VEHICLE_FIELD_VIN])), -1),
                     -1, g_free);
  sqlite3_bind_text (stmt, 3, trimmed (values->fields[GEST_VEHICLE_FIELD_MODEL]), -1, g_free);
  sqlite3_bind_int64 (stmt, 4, year != NULL ? g_ascii_strtoll (year, NULL, 10) : 0);
  sqlite3_bind_int64 (stmt, 5, km != NULL ? g_ascii_strtoll (km, NULL, 10) : 0);
  sqlite3_bind_text (stmt, 6, g_ascii_strup (g_strstrip (g_strdup (values->fields[GEST_VEHICLE_FIELD_PLATE])), -1),
                     -1, g_free);
  sqlite3_bind_text (stmt, 7, values->customer_uuid, -1, SQLITE_TRANSIENT);
}

static gboolean
save_cb (GestStore  *store,
         gpointer    data,
         GError    **error)
{
  SaveData *save = data;

  save->uuid = gest_vehicle_save (store, save->values, &save->field, error);
  return save->uuid != NULL;
}

GestVehicleValues *
gest_vehicle_values_new (const char *customer_uuid)
{
  GestVehicleValues *values = g_new0 (GestVehicleValues, 1);

  values->customer_uuid = g_strdup (customer_uuid);
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    values->fields[i] = g_strdup ("");
  return values;
}

GestVehicleValues *
gest_vehicle_values_copy (const GestVehicleValues *values)
{
  GestVehicleValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = gest_vehicle_values_new (values->customer_uuid);
  copy->uuid = g_strdup (values->uuid);
  copy->version = values->version;
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    gest_vehicle_values_set (copy, i, values->fields[i]);
  return copy;
}

void
gest_vehicle_values_free (GestVehicleValues *values)
{
  if (values == NULL)
    return;
  g_free (values->uuid);
  g_free (values->customer_uuid);
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    g_free (values->fields[i]);
  g_free (values);
}

void
gest_vehicle_values_set (GestVehicleValues *values,
                         GestVehicleField   field,
                         const char        *text)
{
  g_return_if_fail (values != NULL && field < GEST_N_VEHICLE_FIELDS);

  g_free (values->fields[field]);
  values->fields[field] = g_strdup (text != NULL ? text : "");
}

char *
gest_vehicle_field_problem (const GestVehicleValues *values,
                            GestVehicleField         field)
{
  g_autofree char *text = NULL;
  g_autofree char *number = NULL;
  char *message = NULL;

  g_return_val_if_fail (values != NULL && field < GEST_N_VEHICLE_FIELDS, NULL);

  text = trimmed (values->fields[field]);
  switch (field)
    {
    case GEST_VEHICLE_FIELD_VIN:
      /* A check digit that does not match is refused: a typo in a VIN sends the invoice of
       * another car. */
      if (gest_vin_check (text, &message) != GEST_CHECK_VALID)
        return message;
      return NULL;
    case GEST_VEHICLE_FIELD_MODEL:
      if (*text == '\0')
        return g_strdup (_("Write the vehicle’s model as on its invoice, like Aveo LS 2022."));
      return NULL;
    case GEST_VEHICLE_FIELD_YEAR:
      {
        int year;

        if (*text == '\0')
          return NULL;
        number = whole_number (text);
        year = number != NULL && *number != '\0' && strlen (number) <= 4 ? atoi (number) : 0;
        if (year < 1950 || year > current_year () + 1)
          return g_strdup_printf (_("“%s” is not a model year: write the 4 digits, from 1950 to %d."),
                                  text, current_year () + 1);
        return NULL;
      }
    case GEST_VEHICLE_FIELD_KM:
      number = whole_number (text);
      if (*text != '\0' && (number == NULL || *number == '\0' || strlen (number) > 7))
        return g_strdup_printf (_("“%s” is not a mileage: write the kilometres as a whole number, like 12,500."), text);
      return NULL;
    case GEST_VEHICLE_FIELD_PLATE:
    case GEST_N_VEHICLE_FIELDS:
    default:
      return NULL;
    }
}

gboolean
gest_vehicle_values_validate (const GestVehicleValues *values,
                              GestVehicleField        *out_field,
                              GError                 **error)
{
  g_return_val_if_fail (values != NULL, FALSE);

  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    {
      g_autofree char *problem = gest_vehicle_field_problem (values, i);

      if (problem != NULL)
        {
          if (out_field != NULL)
            *out_field = i;
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, problem);
          return FALSE;
        }
    }
  if (out_field != NULL)
    *out_field = GEST_N_VEHICLE_FIELDS;
  return TRUE;
}

GestVehicleValues *
gest_vehicle_load (GestStore   *store,
                   const char  *uuid,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestVehicleValues *values;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = gest_store_prepare (store,
                             "SELECT updated_at, IFNULL(customer_uuid, ''), vin, model,"
                             " CASE year WHEN 0 THEN '' ELSE year END, CASE km WHEN 0 THEN '' ELSE km END, plate"
                             " FROM vehicles WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The vehicle is no longer there. Open its customer again."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  values = g_new0 (GestVehicleValues, 1);
  values->uuid = g_strdup (uuid);
  values->version = sqlite3_column_int64 (stmt, 0);
  values->customer_uuid = gest_plan_edit_column_text (stmt, 1);
  for (guint i = 0; i < GEST_N_VEHICLE_FIELDS; i++)
    values->fields[i] = gest_plan_edit_column_text (stmt, 2 + i);
  return values;
}

char *
gest_vehicle_save (GestStore               *store,
                   const GestVehicleValues *values,
                   GestVehicleField        *out_field,
                   GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *vin = NULL;
  g_autofree char *text = NULL;
  g_autofree char *model = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (values != NULL && values->customer_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_field != NULL)
    *out_field = GEST_N_VEHICLE_FIELDS;
  if (!gest_store_begin_change (store, "vehicle_save", &own, error))
    return NULL;
  uuid = values->uuid != NULL ? g_strdup (values->uuid) : g_uuid_string_random ();
  vin = g_ascii_strup (g_strstrip (g_strdup (values->fields[GEST_VEHICLE_FIELD_VIN])), -1);
  model = trimmed (values->fields[GEST_VEHICLE_FIELD_MODEL]);
  ok = gest_store_check_permission (store, GEST_PERMISSION_EDIT_CUSTOMERS, error) &&
       gest_vehicle_values_validate (values, out_field, error) &&
       check_owner_and_vin (store, uuid, values, vin, out_field, error);
  if (ok && values->uuid == NULL)
    {
      stmt = gest_store_prepare (store,
                                 "INSERT INTO vehicles (uuid, vin, model, year, km, plate, customer_uuid, updated_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", error);
      text = g_strdup_printf (_("Vehicle registered: %s, VIN %s."), model, vin);
    }
  else if (ok)
    {
      stmt = gest_store_prepare (store,
                                 "UPDATE vehicles SET vin = ?2, model = ?3, year = ?4, km = ?5, plate = ?6,"
                                 " customer_uuid = ?7, updated_at = ?8"
                                 " WHERE uuid = ?1 AND updated_at = ?9 AND deleted = 0", error);
      text = g_strdup_printf (_("Vehicle data changed: %s, VIN %s."), model, vin);
    }
  ok = ok && stmt != NULL;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      bind_values (stmt, values);
      sqlite3_bind_int64 (stmt, 8, gest_plan_edit_now (values->version));
      if (values->uuid != NULL)
        sqlite3_bind_int64 (stmt, 9, values->version);
      ok = values->uuid == NULL ? gest_plan_edit_step (store, stmt, error)
                                : gest_plan_edit_step_update (store, stmt, error);
    }
  if (ok)
    ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) > 0;
  if (!gest_store_end_change (store, "vehicle_save", own, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&uuid);
}

void
gest_vehicle_save_async (GestStore               *store,
                         const GestVehicleValues *values,
                         GCancellable            *cancellable,
                         GAsyncReadyCallback      callback,
                         gpointer                 user_data)
{
  SaveData *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (values != NULL);

  save = g_new0 (SaveData, 1);
  save->values = gest_vehicle_values_copy (values);
  save->field = GEST_N_VEHICLE_FIELDS;
  gest_store_write_async (store, save_cb, save, save_data_free, cancellable, callback, user_data);
}

char *
gest_vehicle_save_finish (GestStore        *store,
                          GAsyncResult     *result,
                          GestVehicleField *out_field,
                          GError          **error)
{
  SaveData *save = gest_store_write_get_data (result);

  if (out_field != NULL)
    *out_field = save->field;
  if (!gest_store_write_finish (store, result, error))
    return NULL;
  return g_steal_pointer (&save->uuid);
}
