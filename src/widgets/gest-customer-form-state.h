/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "gest-customer-edit.h"
#include "gest-plan-edit.h"
#include "gest-vehicle-edit.h"

G_BEGIN_DECLS

/* The pure half of the customer, vehicle and plan editors (the gnome-calendar form pattern):
 * from the form's values, which fields the user has been through (@touched, a bit per field;
 * every bit after a save was asked for) and whether a save is running, what the widgets show.
 * No widget here: tested without a display. */

#define GEST_FORM_ALL_TOUCHED G_MAXUINT32

typedef struct
{
  char     *errors[GEST_N_CUSTOMER_FIELDS];  /* the message under the row, or NULL */
  gboolean  can_save;                        /* Save sensitive */
  gboolean  is_new;                          /* "New Customer" rather than "Edit Customer" */
} GestCustomerFormState;

typedef struct
{
  char     *errors[GEST_N_VEHICLE_FIELDS];
  gboolean  can_save;
  gboolean  is_new;
} GestVehicleFormState;

typedef struct
{
  char     *errors[GEST_N_PLAN_FIELDS];
  gboolean  can_save;
  gboolean  is_new;
} GestPlanFormState;

GestCustomerFormState *gest_customer_form_state_from_values (const GestCustomerValues *values,
                                                             guint32                   touched,
                                                             gboolean                  saving);
void                   gest_customer_form_state_free        (GestCustomerFormState    *state);
GestVehicleFormState  *gest_vehicle_form_state_from_values  (const GestVehicleValues  *values,
                                                             guint32                   touched,
                                                             gboolean                  saving);
void                   gest_vehicle_form_state_free         (GestVehicleFormState     *state);
/* @today: for tests; NULL for today. */
GestPlanFormState     *gest_plan_form_state_from_values     (const GestPlanValues     *values,
                                                             guint32                   touched,
                                                             gboolean                  saving,
                                                             const GDate              *today);
void                   gest_plan_form_state_free            (GestPlanFormState        *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestCustomerFormState, gest_customer_form_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestVehicleFormState, gest_vehicle_form_state_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestPlanFormState, gest_plan_form_state_free)

G_END_DECLS
