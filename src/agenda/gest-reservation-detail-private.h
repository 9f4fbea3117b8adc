/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-billing-group.h"
#include "gest-customer-billing.h"
#include "gest-record-detail.h"
#include "gest-reservation.h"
#include "gest-reservation-detail.h"
#include "gest-reservation-reader.h"

G_BEGIN_DECLS

/* GestReservationDetail spans two files: gest-reservation-detail.c (the page, its load on
 * the reader's thread and its rows) and gest-reservation-detail-actions.c (the state's
 * actions, their dialogs and saves). */

/* Everything the page shows, read together on the reader's thread (never on the UI's). */
typedef struct
{
  GestReservation   *reservation;
  char              *contact_name;      /* what the web form or the desk took down */
  char              *contact_phone;
  char              *contact_email;
  char              *contact_plate;
  char              *email;             /* the customer's, else the web booking's */
  char              *open_actions;      /* one a line; NULL when none or not read */
  char              *open_actions_error;
  GPtrArray         *sessions;          /* char *: title, text, title, text... */
  char              *lead_text;         /* the accepted test drive's lead, or NULL */
  GestBillingValues *billing;           /* when an invoice is needed; NULL when not read */
  char              *billing_error;
  GPtrArray         *advisors;          /* GestAgendaSchedule, for the confirmation */
} GestReservationDetailData;

struct _GestReservationDetail
{
  GtkWidget            parent_instance;

  GtkStack            *stack;           /* the only child: "loading", "record" */
  GestRecordDetail    *record;          /* in stack */
  GtkWidget           *actions_box;     /* the status row's buttons, rebuilt on reload */
  AdwPreferencesGroup *booking_group;
  AdwPreferencesGroup *customer_group;
  AdwPreferencesGroup *test_drive_group;
  GtkLabel            *test_drive_error;
  AdwPreferencesGroup *session_group;
  GtkLabel            *session_error;
  GtkWidget           *billing_form;     /* the shared billing group (S11) */
  GtkWidget           *billing_save;
  GPtrArray           *rows;             /* (group, row) pairs to remove on reload */

  GestContext         *context;
  GestStore           *store;            /* the context's */
  char                *uuid;
  GestReservationReader *reader;
  GCancellable        *cancellable;      /* the load in flight; cancelled in dispose */
  guint                serial;           /* of the latest load: older results are dropped */
  gboolean             loading;
  GestReservationDetailData *data;       /* NULL until the first load */
  GestReservation     *reservation;      /* data's (borrowed); NULL when not loaded */
  gboolean             busy;             /* one save at a time */
};

/* Reads the page's data on @store (the reader's thread). */
GestReservationDetailData *gest_reservation_detail_data_read (GestStore   *store,
                                                              const char  *uuid,
                                                              GError     **error);
void                       gest_reservation_detail_data_free (GestReservationDetailData *data);
/* Builds the status row's buttons for the loaded reservation's state. */
void gest_reservation_detail_fill_actions (GestReservationDetail *self);
/* The test-drive offer's answer buttons in its group. */
void gest_reservation_detail_fill_test_drive (GestReservationDetail *self);
/* A row in @group that the next reload removes. */
AdwActionRow *gest_reservation_detail_add_row (GestReservationDetail *self,
                                               AdwPreferencesGroup   *group,
                                               const char            *title,
                                               const char            *text);
/* After a save: reload, tell the parent ("changed"). */
void gest_reservation_detail_changed (GestReservationDetail *self,
                                      const char            *toast);
/* The shared billing form (S11), shown when the reservation needs an invoice. */
void gest_reservation_detail_build_billing (GestReservationDetail *self);
void gest_reservation_detail_fill_billing  (GestReservationDetail *self);
GtkWindow *gest_reservation_detail_parent_window (GestReservationDetail *self);

G_END_DECLS
