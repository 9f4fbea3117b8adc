/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-money.h"
#include "gest-routing.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* T1: a plan's account statement as Conauto reported it (balance, overdue amount,
 * installment, life insurance, and the date they are as of). There is no payment projection:
 * since circular 95/2009 the figure to pay comes from the call routed by T2. */
typedef struct
{
  char      *plan_uuid;
  char      *plan_number;
  char      *customer_uuid;
  char      *customer_name;
  char      *vehicle;          /* "Figo 2019 · 3FADP4EJ0KM123456", or "" without a vehicle */
  GestMoney  balance;
  GestMoney  overdue;          /* the "adeudo": what is owed and due as of @as_of */
  GestMoney  installment;
  GestMoney  life_insurance;   /* shown apart, never part of the payoff amount (T3) */
  GDate      as_of;
} GestPlanStatement;

/* Loads the statement of the plan whose uuid or number is @plan (surrounding blanks ignored).
 * GEST_ERROR_NOT_FOUND (translated, naming @plan) when there is no such plan. */
gboolean           gest_plan_statement_load        (GestStore                 *store,
                                                    const char                *plan,
                                                    GestPlanStatement         *out,
                                                    GError                   **error);
void               gest_plan_statement_clear       (GestPlanStatement         *statement);
GestPlanStatement *gest_plan_statement_copy        (const GestPlanStatement   *statement);
void               gest_plan_statement_free        (GestPlanStatement         *statement);
/* "Figo 2019 · VIN", "Figo · VIN" without a year, "" without a VIN. */
char              *gest_plan_statement_format_vehicle (const char          *model,
                                                       int                  year,
                                                       const char          *vin);
/* Whole days between the statement's as-of date and today (0 when it is today's). */
int                gest_plan_statement_age_days    (const GestPlanStatement   *statement);

/* T2's "adeudo": the overdue amount of the statement. See the .c for why it is not the
 * balance. */
GestMoney          gest_plan_statement_debt        (const GestPlanStatement   *statement);
/* T2: whom to call for this statement under @settings. */
gboolean           gest_plan_statement_route       (const GestPlanStatement   *statement,
                                                    const GestRoutingSettings *settings,
                                                    GestRoutingDecision       *out,
                                                    GError                   **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestPlanStatement, gest_plan_statement_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestPlanStatement, gest_plan_statement_free)

G_END_DECLS
