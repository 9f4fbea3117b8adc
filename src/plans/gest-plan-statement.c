/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "gest-plan-statement"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "gest-date.h"
#include "gest-plan-statement.h"

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? (const char *) text : "");
}

char *
gest_plan_statement_format_vehicle (const char *model,
                                    int         year,
                                    const char *vin)
{
  if (vin == NULL || *vin == '\0')
    return g_strdup ("");
  if (model == NULL)
    model = "";
  if (year > 0)
    return g_strdup_printf ("%s %d · %s", model, year, vin);
  return g_strdup_printf ("%s · %s", model, vin);
}

gboolean
gest_plan_statement_load (GestStore          *store,
                          const char         *plan,
                          GestPlanStatement  *out,
                          GError            **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (GEST_IS_STORE (store), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (out, 0, sizeof *out);
  key = g_strstrip (g_strdup (plan));

  stmt = gest_store_prepare (store,
                             "SELECT p.uuid, p.number, c.uuid, c.name, "
                             "       coalesce (v.model, ''), coalesce (v.year, 0), coalesce (v.vin, ''), "
                             "       p.balance, p.overdue, p.installment, p.life_insurance, p.as_of "
                             "FROM plans p "
                             "JOIN customers c ON c.uuid = p.customer_uuid "
                             "LEFT JOIN vehicles v ON v.uuid = p.vehicle_uuid "
                             "WHERE (p.uuid = ?1 OR p.number = ?1) AND p.deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_autofree char *model = column_text (stmt, 4);
      g_autofree char *vin = column_text (stmt, 6);
      int year = sqlite3_column_int (stmt, 5);

      out->plan_uuid = column_text (stmt, 0);
      out->plan_number = column_text (stmt, 1);
      out->customer_uuid = column_text (stmt, 2);
      out->customer_name = column_text (stmt, 3);
      out->vehicle = gest_plan_statement_format_vehicle (model, year, vin);
      out->balance = sqlite3_column_int64 (stmt, 7);
      out->overdue = sqlite3_column_int64 (stmt, 8);
      out->installment = sqlite3_column_int64 (stmt, 9);
      out->life_insurance = sqlite3_column_int64 (stmt, 10);
      g_date_clear (&out->as_of, 1);
      if (!gest_date_from_iso ((const char *) sqlite3_column_text (stmt, 11), &out->as_of))
        g_date_clear (&out->as_of, 1);
      sqlite3_finalize (stmt);
      return TRUE;
    }

  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return gest_store_set_error (store, error);

  g_set_error (error, GEST_ERROR, GEST_ERROR_NOT_FOUND,
               _("There is no plan “%s”. Check the plan number on the customer’s contract, or search for the customer."),
               key);
  return FALSE;
}

void
gest_plan_statement_clear (GestPlanStatement *statement)
{
  g_return_if_fail (statement != NULL);

  g_clear_pointer (&statement->plan_uuid, g_free);
  g_clear_pointer (&statement->plan_number, g_free);
  g_clear_pointer (&statement->customer_uuid, g_free);
  g_clear_pointer (&statement->customer_name, g_free);
  g_clear_pointer (&statement->vehicle, g_free);
}

GestPlanStatement *
gest_plan_statement_copy (const GestPlanStatement *statement)
{
  GestPlanStatement *copy;

  g_return_val_if_fail (statement != NULL, NULL);

  copy = g_new0 (GestPlanStatement, 1);
  *copy = *statement;
  copy->plan_uuid = g_strdup (statement->plan_uuid);
  copy->plan_number = g_strdup (statement->plan_number);
  copy->customer_uuid = g_strdup (statement->customer_uuid);
  copy->customer_name = g_strdup (statement->customer_name);
  copy->vehicle = g_strdup (statement->vehicle);
  return copy;
}

void
gest_plan_statement_free (GestPlanStatement *statement)
{
  if (statement == NULL)
    return;
  gest_plan_statement_clear (statement);
  g_free (statement);
}

int
gest_plan_statement_age_days (const GestPlanStatement *statement)
{
  GDate today;

  g_return_val_if_fail (statement != NULL, 0);

  if (!g_date_valid (&statement->as_of))
    return 0;
  gest_date_today (&today);
  return gest_date_days_between (&statement->as_of, &today);
}

/* Which figure is the "adeudo" of circular 95/2009? The circular says: look at the balance
 * the customer's statement shows as of the consult date; "if the adeudo is ≤ $500.00, call
 * Customer Service; more than $500.00 and less than 2 installments, the early (telephone)
 * collections centre; 2 installments or more, extrajudicial collections". The areas are
 * collection desks graded by delinquency, and the thresholds are measured in installments:
 * that only makes sense for what is owed and past due. The remaining balance of a plan being
 * paid off is nearly always many installments, so reading "adeudo" as the balance would send
 * every payoff, even of a customer who is up to date, to extrajudicial collections. So the
 * debt is the statement's overdue amount as of its date; a customer who is up to date
 * (overdue $0.00) goes to Customer Service, which is where an ordinary payoff belongs. */
GestMoney
gest_plan_statement_debt (const GestPlanStatement *statement)
{
  g_return_val_if_fail (statement != NULL, 0);

  return statement->overdue;
}

gboolean
gest_plan_statement_route (const GestPlanStatement   *statement,
                           const GestRoutingSettings *settings,
                           GestRoutingDecision       *out,
                           GError                   **error)
{
  g_return_val_if_fail (statement != NULL, FALSE);

  return gest_routing_decide (gest_plan_statement_debt (statement), statement->installment,
                              settings, out, error);
}
