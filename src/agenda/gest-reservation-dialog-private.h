/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-billing-group.h"
#include "gest-reservation-dialog.h"
#include "gest-reservation-reader.h"

G_BEGIN_DECLS

/* GestReservationDialog spans gest-reservation-dialog.c and gest-reservation-dialog-customer.c
 * (the customer, their vehicle and billing data). */

struct _GestReservationDialog
{
  AdwWindow                  parent_instance;

  /* Template children. */
  GtkWidget                 *save_button;
  AdwPreferencesGroup       *customer_group;
  AdwPreferencesGroup       *vehicle_group;
  AdwPreferencesGroup       *when_group;
  AdwPreferencesGroup       *invoice_group;
  AdwEntryRow               *customer_row;
  GtkListBox                *matches_list;
  AdwComboRow               *vehicle_row;
  AdwActionRow              *actions_row;
  AdwEntryRow               *mileage_row;
  AdwActionRow              *test_drive_row;
  AdwComboRow               *kind_row;
  AdwComboRow               *advisor_row;
  AdwEntryRow               *day_row;
  AdwEntryRow               *time_row;
  GtkFlowBox                *slots_box;
  AdwComboRow               *transport_row;
  AdwEntryRow               *notes_row;
  GtkSwitch                 *invoice_switch;
  GtkWidget                 *billing_box;
  GestBillingGroup          *billing;        /* in billing_box */
  GestBillingValues         *billing_loaded; /* the customer's, as stored */

  GtkLabel                  *error_labels[GEST_RESERVATION_FORM_N_FIELDS];
  GtkLabel                  *refusal_label;

  GestContext               *context;
  GestStore                 *store;          /* the context's */
  char                      *uuid;           /* editing */
  char                      *reschedule_uuid;
  GPtrArray                 *advisors;       /* GestAgendaSchedule: uuid and name */
  GPtrArray                 *vehicle_uuids;  /* of the chosen customer, the combo's order */
  GArray                    *vehicle_km;     /* int, the same order */
  GPtrArray                 *vehicle_actions; /* char *, their open field actions, the same order */
  GPtrArray                 *match_uuids;    /* of matches_list's rows */
  GestReservationReader     *reader;         /* the customer search's, opened at the first */
  GCancellable              *search_cancellable; /* the search or customer read in flight */
  guint                      search_serial;  /* of the latest search or choice: older results are dropped */
  guint                      search_timeout; /* the typing pause before a search */
  GestReservationFormValues *values;
  GestReservationFormState  *state;
  gboolean                   filling;
};

/* gest-reservation-dialog.c */
void  gest_reservation_dialog_update_from_values          (GestReservationDialog     *self,
                                                           GestReservationFormValues *values);

/* gest-reservation-dialog-customer.c */
char *gest_reservation_dialog_billing_error               (GestReservationDialog     *self);
void  gest_reservation_dialog_billing_changed_cb          (GestReservationDialog     *self);
void  gest_reservation_dialog_set_customer                (GestReservationDialog     *self,
                                                           const char                *uuid,
                                                           const char                *vehicle_uuid);
void  gest_reservation_dialog_customer_search_changed_cb  (GestReservationDialog     *self);
void  gest_reservation_dialog_match_activated_cb          (GestReservationDialog     *self,
                                                           GtkListBoxRow             *row);
void  gest_reservation_dialog_vehicle_changed_cb          (GestReservationDialog     *self);
/* The search's setup in init, its end in dispose (cancels the search, removes the pause). */
void  gest_reservation_dialog_customer_init               (GestReservationDialog     *self);
void  gest_reservation_dialog_customer_dispose            (GestReservationDialog     *self);

G_END_DECLS
