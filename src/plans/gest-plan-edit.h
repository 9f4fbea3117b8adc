/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "gest-money.h"
#include "gest-store.h"

G_BEGIN_DECLS

/* A Conauto plan entered by the dealer (issue 12), for dealers without sync: its number, its
 * customer and vehicle, and the figures of Conauto's last statement. The save checks plans.edit,
 * a number no other plan has, a vehicle of the same customer, and logs on the plan. */

typedef enum
{
  GEST_PLAN_FIELD_NUMBER,
  GEST_PLAN_FIELD_VEHICLE,
  GEST_PLAN_FIELD_INSTALLMENT,
  GEST_PLAN_FIELD_BALANCE,
  GEST_PLAN_FIELD_OVERDUE,
  GEST_PLAN_FIELD_LIFE_INSURANCE,
  GEST_PLAN_FIELD_AS_OF,
  GEST_N_PLAN_FIELDS
} GestPlanField;

typedef struct
{
  char      *uuid;            /* NULL for a new plan */
  gint64     version;
  char      *customer_uuid;   /* required */
  char      *vehicle_uuid;    /* NULL: no vehicle yet */
  char      *number;
  GestMoney  installment;
  GestMoney  balance;
  GestMoney  overdue;
  GestMoney  life_insurance;
  GDate      as_of;           /* invalid (cleared) when not given */
} GestPlanValues;

GestPlanValues *gest_plan_values_new      (const char           *customer_uuid);
GestPlanValues *gest_plan_values_copy     (const GestPlanValues *values);
void            gest_plan_values_free     (GestPlanValues       *values);
/* Pure: what is wrong with @field (translated), or NULL. The number is digits and dashes ("1042-070"); the
 * installment above zero; the overdue amount not above the balance; the date of the figures
 * given and not in the future (@today, for tests; NULL for today). */
char           *gest_plan_field_problem   (const GestPlanValues *values,
                                           GestPlanField         field,
                                           const GDate          *today);
gboolean        gest_plan_values_validate (const GestPlanValues *values,
                                           GestPlanField        *out_field,
                                           GError              **error);
GestPlanValues *gest_plan_load            (GestStore            *store,
                                           const char           *uuid,
                                           GError              **error);
/* Creates or updates the plan (see gest_customer_save()); returns its uuid. */
char           *gest_plan_save            (GestStore            *store,
                                           const GestPlanValues *values,
                                           GestPlanField        *out_field,
                                           GError              **error);
void            gest_plan_save_async      (GestStore            *store,
                                           const GestPlanValues *values,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
char           *gest_plan_save_finish     (GestStore            *store,
                                           GAsyncResult         *result,
                                           GestPlanField        *out_field,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestPlanValues, gest_plan_values_free)

G_END_DECLS
