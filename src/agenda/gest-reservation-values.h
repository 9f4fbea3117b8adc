/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-reservation.h"

G_BEGIN_DECLS

/* The reservation window's form (S12, S10, S11; issue 15), after gnome-calendar's values
 * pattern: an immutable values struct with pure setters (each returns a new struct) and a pure
 * widget_state_from_values() that says what the window shows: which field is in error and with
 * which words, which rows are visible and sensitive, whether "Save" can be pressed. GLib only,
 * tested without a display (tests/agenda/test-reservation-values.c); the model checks the same
 * rules again when it saves (gest_reservation_create/update/reschedule). */

typedef enum
{
  GEST_RESERVATION_FORM_CUSTOMER,
  GEST_RESERVATION_FORM_VEHICLE,
  GEST_RESERVATION_FORM_MILEAGE,
  GEST_RESERVATION_FORM_ADVISOR,
  GEST_RESERVATION_FORM_DAY,
  GEST_RESERVATION_FORM_TIME,
  GEST_RESERVATION_FORM_BILLING,
  GEST_RESERVATION_FORM_N_FIELDS
} GestReservationFormField;

typedef enum
{
  GEST_RESERVATION_FORM_NEW,
  GEST_RESERVATION_FORM_EDIT,
  GEST_RESERVATION_FORM_RESCHEDULE,
} GestReservationFormMode;

/* The service kinds in the window's order (the combo's positions). */
#define GEST_RESERVATION_N_KINDS 6
const char *gest_reservation_form_kind_id (guint position);   /* "maintenance" … "other" */
guint       gest_reservation_form_kind_position (const char *kind);

typedef struct
{
  GestReservationFormMode  mode;
  char                    *customer_uuid;
  char                    *customer_label;   /* as chosen: "Juan Pérez López · 5512345678" */
  char                    *vehicle_uuid;
  int                      last_mileage_km;  /* the chosen vehicle's last known odometer */
  char                    *mileage_text;     /* as typed: "35,000" */
  char                    *service_kind;     /* "maintenance" … */
  char                    *advisor_uuid;
  char                    *day_text;         /* dd/mm/yyyy as typed */
  char                    *time_text;        /* hh:mm as typed */
  char                    *today;            /* yyyy-mm-dd: days before it are refused */
  char                    *transport;        /* "waits", "drops-off" */
  char                    *notes;
  gboolean                 needs_invoice;
  char                    *billing_error;    /* the billing group's check, NULL when complete */
  gboolean                 show_errors;      /* after the first attempt to save */
  gboolean                 saving;
  char                    *refusal;          /* the model's refusal, in full */
  GestReservationFormField refusal_field;    /* the row it concerns; N_FIELDS: the window */
} GestReservationFormValues;

typedef struct
{
  char     *errors[GEST_RESERVATION_FORM_N_FIELDS];
  char     *refusal;            /* a refusal of the whole window */
  char     *title;              /* "New Reservation", "Edit Reservation", "Reschedule" */
  char     *test_drive_note;    /* S10: the odometer is over 30,000 km; NULL otherwise */
  gboolean  billing_visible;    /* needs_invoice */
  gboolean  vehicle_sensitive;  /* a customer was chosen */
  gboolean  fields_sensitive;   /* not while saving */
  gboolean  save_sensitive;
  gboolean  valid;
  /* What a valid form saves. */
  int       mileage_km;
  char     *day;                /* yyyy-mm-dd */
  int       starts_min;
} GestReservationFormState;

/* @today (yyyy-mm-dd) is the first day the form accepts. */
GestReservationFormValues *gest_reservation_form_values_new      (GestReservationFormMode          mode,
                                                                  const char                      *today);
/* Advisor, day, time (from a clicked slot), customer and vehicle (a no-show to reschedule)
 * from @preset, whichever it gives. */
GestReservationFormValues *gest_reservation_form_values_new_preset (GestReservationFormMode        mode,
                                                                    const char                    *today,
                                                                    const GestReservationValues   *preset);
GestReservationFormValues *gest_reservation_form_values_new_from (const GestReservation           *reservation,
                                                                  const char                      *today);
GestReservationFormValues *gest_reservation_form_values_copy     (const GestReservationFormValues *values);
void                       gest_reservation_form_values_free     (GestReservationFormValues       *values);

GestReservationFormValues *gest_reservation_form_values_set_customer  (const GestReservationFormValues *values,
                                                                       const char                      *uuid,
                                                                       const char                      *label);
GestReservationFormValues *gest_reservation_form_values_set_vehicle   (const GestReservationFormValues *values,
                                                                       const char                      *uuid,
                                                                       int                              last_mileage_km);
GestReservationFormValues *gest_reservation_form_values_set_mileage   (const GestReservationFormValues *values,
                                                                       const char                      *text);
GestReservationFormValues *gest_reservation_form_values_set_kind      (const GestReservationFormValues *values,
                                                                       const char                      *kind);
GestReservationFormValues *gest_reservation_form_values_set_advisor   (const GestReservationFormValues *values,
                                                                       const char                      *uuid);
GestReservationFormValues *gest_reservation_form_values_set_when      (const GestReservationFormValues *values,
                                                                       const char                      *day_text,
                                                                       const char                      *time_text);
GestReservationFormValues *gest_reservation_form_values_set_transport (const GestReservationFormValues *values,
                                                                       const char                      *transport);
GestReservationFormValues *gest_reservation_form_values_set_notes     (const GestReservationFormValues *values,
                                                                       const char                      *notes);
GestReservationFormValues *gest_reservation_form_values_set_invoice   (const GestReservationFormValues *values,
                                                                       gboolean                         needs_invoice,
                                                                       const char                      *billing_error);
GestReservationFormValues *gest_reservation_form_values_set_show_errors (const GestReservationFormValues *values,
                                                                         gboolean                         show_errors);
GestReservationFormValues *gest_reservation_form_values_set_saving    (const GestReservationFormValues *values,
                                                                       gboolean                         saving);
/* The model's refusal; the slot's refusals (hours, break, capacity, blocked) belong to the
 * time row, the rest to the window. */
GestReservationFormValues *gest_reservation_form_values_set_refusal   (const GestReservationFormValues *values,
                                                                       GestReservationFormField         field,
                                                                       const char                      *refusal);

GestReservationFormState  *gest_reservation_form_widget_state_from_values (const GestReservationFormValues *values);
void                       gest_reservation_form_state_free (GestReservationFormState *state);
/* The values a valid @state saves, borrowing from @values and @state. */
void                       gest_reservation_form_state_values (const GestReservationFormState  *state,
                                                               const GestReservationFormValues *values,
                                                               GestReservationValues           *out);

/* "09:30" → 570; FALSE when not hh:mm of a day. */
gboolean                   gest_reservation_parse_time (const char *text,
                                                        int        *out_min);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestReservationFormValues, gest_reservation_form_values_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestReservationFormState, gest_reservation_form_state_free)

G_END_DECLS
