/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-plan-edit"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "gest-activity-log.h"
#include "gest-date.h"
#include "gest-error.h"
#include "gest-permissions.h"
#include "gest-plan-edit-common.h"
#include "gest-plan-edit.h"

typedef struct
{
  GestPlanValues *values;
  char           *uuid;
  GestPlanField   field;
} SaveData;

static char *
trimmed (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
save_data_free (gpointer data)
{
  SaveData *save = data;

  gest_plan_values_free (save->values);
  g_free (save->uuid);
  g_free (save);
}

static gboolean
query_row (GestStore    *store,
           sqlite3_stmt *stmt,
           gboolean     *out_found,
           GError      **error)
{
  int rc = sqlite3_step (stmt);

  *out_found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return gest_store_set_error (store, error);
  return TRUE;
}

/* The customer is active, the vehicle is the customer's, the number is no other plan's. */
static gboolean
check_links (GestStore            *store,
             const char           *uuid,
             const GestPlanValues *values,
             const char           *number,
             GestPlanField        *out_field,
             GError              **error)
{
  g_autoptr(sqlite3_stmt) customer = NULL;
  g_autoptr(sqlite3_stmt) vehicle = NULL;
  g_autoptr(sqlite3_stmt) other = NULL;
  gboolean found;

  customer = gest_store_prepare (store, "SELECT 1 FROM customers WHERE uuid = ?1 AND deleted = 0", error);
  if (customer == NULL)
    return FALSE;
  sqlite3_bind_text (customer, 1, values->customer_uuid, -1, SQLITE_STATIC);
  if (!query_row (store, customer, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The plan’s customer is no longer there: it was merged into another customer or deleted. Open the customer again."));
      return FALSE;
    }
  if (values->vehicle_uuid != NULL)
    {
      vehicle = gest_store_prepare (store,
                                    "SELECT 1 FROM vehicles WHERE uuid = ?1 AND customer_uuid = ?2 AND deleted = 0",
                                    error);
      if (vehicle == NULL)
        return FALSE;
      sqlite3_bind_text (vehicle, 1, values->vehicle_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (vehicle, 2, values->customer_uuid, -1, SQLITE_STATIC);
      if (!query_row (store, vehicle, &found, error))
        return FALSE;
      if (!found)
        {
          if (out_field != NULL)
            *out_field = GEST_PLAN_FIELD_VEHICLE;
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_REFUSED,
                               _("The vehicle is not the customer’s: choose one of the customer’s vehicles, or register the vehicle first."));
          return FALSE;
        }
    }
  /* plans.number is unique over every row, deleted ones included. */
  other = gest_store_prepare (store,
                              "SELECT c.name FROM plans p JOIN customers c ON c.uuid = p.customer_uuid"
                              " WHERE p.number = ?1 AND p.uuid IS NOT ?2", error);
  if (other == NULL)
    return FALSE;
  sqlite3_bind_text (other, 1, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (other, 2, uuid, -1, SQLITE_STATIC);
  if (!query_row (store, other, &found, error))
    return FALSE;
  if (found)
    {
      if (out_field != NULL)
        *out_field = GEST_PLAN_FIELD_NUMBER;
      g_set_error (error, GEST_ERROR, GEST_ERROR_REFUSED,
                   _("The plan number %s is already registered, for %s. Check the number on Conauto’s statement."),
                   number, (const char *) sqlite3_column_text (other, 0));
      return FALSE;
    }
  return TRUE;
}

static gboolean
save_cb (GestStore  *store,
         gpointer    data,
         GError    **error)
{
  SaveData *save = data;

  save->uuid = gest_plan_save (store, save->values, &save->field, error);
  return save->uuid != NULL;
}

GestPlanValues *
gest_plan_values_new (const char *customer_uuid)
{
  GestPlanValues *values = g_new0 (GestPlanValues, 1);

  values->customer_uuid = g_strdup (customer_uuid);
  values->number = g_strdup ("");
  g_date_clear (&values->as_of, 1);
  return values;
}

GestPlanValues *
gest_plan_values_copy (const GestPlanValues *values)
{
  GestPlanValues *copy;

  g_return_val_if_fail (values != NULL, NULL);

  copy = g_new0 (GestPlanValues, 1);
  *copy = *values;
  copy->uuid = g_strdup (values->uuid);
  copy->customer_uuid = g_strdup (values->customer_uuid);
  copy->vehicle_uuid = g_strdup (values->vehicle_uuid);
  copy->number = g_strdup (values->number);
  return copy;
}

void
gest_plan_values_free (GestPlanValues *values)
{
  if (values == NULL)
    return;
  g_free (values->uuid);
  g_free (values->customer_uuid);
  g_free (values->vehicle_uuid);
  g_free (values->number);
  g_free (values);
}

char *
gest_plan_field_problem (const GestPlanValues *values,
                         GestPlanField         field,
                         const GDate          *today)
{
  g_autofree char *number = NULL;
  GDate now;

  g_return_val_if_fail (values != NULL && field < GEST_N_PLAN_FIELDS, NULL);

  switch (field)
    {
    case GEST_PLAN_FIELD_NUMBER:
      number = trimmed (values->number);
      if (*number == '\0')
        return g_strdup (_("Write the plan number as on Conauto’s statement, like 1042-070."));
      if (strlen (number) < 3 || strlen (number) > 20 || strspn (number, "0123456789-") != strlen (number) ||
          !g_ascii_isdigit (number[0]) || !g_ascii_isdigit (number[strlen (number) - 1]))
        return g_strdup_printf (_("“%s” is not a plan number: write it as on Conauto’s statement, digits and dashes, like 1042-070."),
                                number);
      return NULL;
    case GEST_PLAN_FIELD_INSTALLMENT:
      if (values->installment <= 0)
        return g_strdup (_("Write the monthly installment, more than $0.00, as on Conauto’s statement."));
      return NULL;
    case GEST_PLAN_FIELD_BALANCE:
      if (values->balance < 0)
        return g_strdup (_("The balance cannot be negative. Write it as on Conauto’s statement."));
      return NULL;
    case GEST_PLAN_FIELD_OVERDUE:
      if (values->overdue < 0)
        return g_strdup (_("The overdue amount cannot be negative. Write $0.00 when nothing is overdue."));
      if (values->overdue > values->balance)
        {
          g_autofree char *overdue = gest_money_format (values->overdue);
          g_autofree char *balance = gest_money_format (values->balance);

          return g_strdup_printf (_("The overdue amount (%s) cannot be more than the balance (%s). Check both on Conauto’s statement."),
                                  overdue, balance);
        }
      return NULL;
    case GEST_PLAN_FIELD_LIFE_INSURANCE:
      if (values->life_insurance < 0)
        return g_strdup (_("The life insurance cannot be negative. Write $0.00 when the plan has none."));
      return NULL;
    case GEST_PLAN_FIELD_AS_OF:
      if (!g_date_valid (&values->as_of))
        return g_strdup (_("Write the date of Conauto’s statement these figures come from, as dd/mm/yyyy."));
      if (today == NULL)
        {
          gest_date_today (&now);
          today = &now;
        }
      if (g_date_compare (&values->as_of, today) > 0)
        {
          g_autofree char *date = gest_date_format (&values->as_of);

          return g_strdup_printf (_("The figures cannot be as of %s, a date still to come. Write the date of Conauto’s statement."),
                                  date);
        }
      return NULL;
    case GEST_PLAN_FIELD_VEHICLE:
    case GEST_N_PLAN_FIELDS:
    default:
      return NULL;
    }
}

gboolean
gest_plan_values_validate (const GestPlanValues *values,
                           GestPlanField        *out_field,
                           GError              **error)
{
  g_return_val_if_fail (values != NULL, FALSE);

  for (guint i = 0; i < GEST_N_PLAN_FIELDS; i++)
    {
      g_autofree char *problem = gest_plan_field_problem (values, i, NULL);

      if (problem != NULL)
        {
          if (out_field != NULL)
            *out_field = i;
          g_set_error_literal (error, GEST_ERROR, GEST_ERROR_INVALID, problem);
          return FALSE;
        }
    }
  if (out_field != NULL)
    *out_field = GEST_N_PLAN_FIELDS;
  return TRUE;
}

GestPlanValues *
gest_plan_load (GestStore   *store,
                const char  *uuid,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GestPlanValues *values;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  stmt = gest_store_prepare (store,
                             "SELECT updated_at, customer_uuid, vehicle_uuid, number, installment, balance,"
                             " overdue, life_insurance, as_of FROM plans WHERE uuid = ?1 AND deleted = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
                           _("The plan is no longer there. Open its customer again."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      gest_store_set_error (store, error);
      return NULL;
    }
  values = gest_plan_values_new ((const char *) sqlite3_column_text (stmt, 1));
  values->uuid = g_strdup (uuid);
  values->version = sqlite3_column_int64 (stmt, 0);
  values->vehicle_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  g_free (values->number);
  values->number = gest_plan_edit_column_text (stmt, 3);
  values->installment = sqlite3_column_int64 (stmt, 4);
  values->balance = sqlite3_column_int64 (stmt, 5);
  values->overdue = sqlite3_column_int64 (stmt, 6);
  values->life_insurance = sqlite3_column_int64 (stmt, 7);
  gest_date_from_iso ((const char *) sqlite3_column_text (stmt, 8), &values->as_of);
  return values;
}

char *
gest_plan_save (GestStore            *store,
                const GestPlanValues *values,
                GestPlanField        *out_field,
                GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *number = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *text = NULL;
  g_autofree char *balance = NULL;
  gboolean own = FALSE;
  gboolean ok;

  g_return_val_if_fail (GEST_IS_STORE (store), NULL);
  g_return_val_if_fail (values != NULL && values->customer_uuid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (out_field != NULL)
    *out_field = GEST_N_PLAN_FIELDS;
  if (!gest_store_begin_change (store, "plan_save", &own, error))
    return NULL;
  uuid = values->uuid != NULL ? g_strdup (values->uuid) : g_uuid_string_random ();
  number = trimmed (values->number);
  ok = gest_store_check_permission (store, GEST_PERMISSION_EDIT_PLANS, error) &&
       gest_plan_values_validate (values, out_field, error) &&
       check_links (store, uuid, values, number, out_field, error);
  if (ok)
    {
      as_of = gest_date_to_iso (&values->as_of);
      balance = gest_money_format (values->balance);
      if (values->uuid == NULL)
        {
          stmt = gest_store_prepare (store,
                                     "INSERT INTO plans (uuid, number, customer_uuid, vehicle_uuid, installment,"
                                     " balance, overdue, life_insurance, as_of, updated_at)"
                                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
          text = g_strdup_printf (_("Plan %s registered: balance %s as of %s."), number, balance, as_of);
        }
      else
        {
          stmt = gest_store_prepare (store,
                                     "UPDATE plans SET number = ?2, customer_uuid = ?3, vehicle_uuid = ?4,"
                                     " installment = ?5, balance = ?6, overdue = ?7, life_insurance = ?8,"
                                     " as_of = ?9, updated_at = ?10"
                                     " WHERE uuid = ?1 AND updated_at = ?11 AND deleted = 0", error);
          text = g_strdup_printf (_("Plan %s changed: balance %s as of %s."), number, balance, as_of);
        }
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, values->customer_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, values->vehicle_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 5, values->installment);
      sqlite3_bind_int64 (stmt, 6, values->balance);
      sqlite3_bind_int64 (stmt, 7, values->overdue);
      sqlite3_bind_int64 (stmt, 8, values->life_insurance);
      sqlite3_bind_text (stmt, 9, as_of, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 10, gest_plan_edit_now (values->version));
      if (values->uuid != NULL)
        sqlite3_bind_int64 (stmt, 11, values->version);
      ok = values->uuid == NULL ? gest_plan_edit_step (store, stmt, error)
                                : gest_plan_edit_step_update (store, stmt, error);
    }
  if (ok)
    ok = gest_activity_log_append (store, uuid, GEST_ACTIVITY_STATUS, text, NULL, NULL, error) > 0;
  if (!gest_store_end_change (store, "plan_save", own, ok, ok ? error : NULL) || !ok)
    return NULL;
  return g_steal_pointer (&uuid);
}

void
gest_plan_save_async (GestStore            *store,
                      const GestPlanValues *values,
                      GCancellable         *cancellable,
                      GAsyncReadyCallback   callback,
                      gpointer              user_data)
{
  SaveData *save;

  g_return_if_fail (GEST_IS_STORE (store));
  g_return_if_fail (values != NULL);

  save = g_new0 (SaveData, 1);
  save->values = gest_plan_values_copy (values);
  save->field = GEST_N_PLAN_FIELDS;
  gest_store_write_async (store, save_cb, save, save_data_free, cancellable, callback, user_data);
}

char *
gest_plan_save_finish (GestStore     *store,
                       GAsyncResult  *result,
                       GestPlanField *out_field,
                       GError       **error)
{
  SaveData *save = gest_store_write_get_data (result);

  if (out_field != NULL)
    *out_field = save->field;
  if (!gest_store_write_finish (store, result, error))
    return NULL;
  return g_steal_pointer (&save->uuid);
}
