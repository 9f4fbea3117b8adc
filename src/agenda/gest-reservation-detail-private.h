/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-record-detail.h"
#include "gest-reservation.h"
#include "gest-reservation-detail.h"

G_BEGIN_DECLS

/* GestReservationDetail spans two files: gest-reservation-detail.c (the page and its rows)
 * and gest-reservation-detail-actions.c (the state's actions, their dialogs and saves). */

struct _GestReservationDetail
{
  GtkWidget            parent_instance;

  GestRecordDetail    *record;          /* the only child */
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
  GestReservation     *reservation;      /* NULL when not loaded */
  char                *email;            /* the customer's (or the web booking's) email */
  gboolean             busy;             /* one save at a time */
};

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
