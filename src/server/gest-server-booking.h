/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The public web bookings (S7; issue 15), shared by gest-server-booking.c (the endpoints and
 * the records) and gest-server-booking-form.c (the Spanish HTML). The website's visitor is
 * Spanish-speaking whatever the server's locale: the form, its messages and the JSON errors
 * of /v1/bookings are Spanish text, not gettext. */

/* The fields as typed (the form's names: nombre, telefono, correo, placa, servicio,
 * horario "yyyy-mm-ddTHH:MM"); NULL when absent. */
typedef struct
{
  char *name;
  char *phone;
  char *email;
  char *plate_vin;
  char *service_kind;
  char *slot;
} GestBookingInput;

void gest_booking_input_clear (GestBookingInput *input);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GestBookingInput, gest_booking_input_clear)

/* One refused field: @field is the form's input name (for the link and aria-describedby). */
typedef struct
{
  char *field;
  char *message;
} GestBookingError;

void gest_booking_error_free (GestBookingError *error);

/* One offered slot: free places after the web bookings received since its publication. */
typedef struct
{
  char *day;       /* yyyy-mm-dd */
  int   minute;    /* since midnight, dealer's time */
  int   free;
} GestBookingSlot;

void gest_booking_slot_free (GestBookingSlot *slot);

/* The service kinds a visitor may choose: value (the reservation's service_kind), label. */
extern const char * const gest_booking_service_kinds[][2];

/* gest-server-booking-check.c. What was typed, for a message: at most 40 characters (new). */
char *gest_booking_quoted (const char *text);
/* Upper case without spaces (new). */
char *gest_booking_normalize_plate_vin (const char *text);
/* The fields of @input (none NULL) checked: @errors gets one GestBookingError per refused
 * field, in the form's order. Normalizes the phone (10 digits) and the plate/VIN. */
void  gest_booking_check_fields (GestBookingInput *input,
                                 GPtrArray        *errors);
/* The fields of the records a booking may make (new objects): a customer and a vehicle for
 * when the server finds none, and the reservation (origin web, state to-confirm) without
 * what the server adds (customer_uuid, vehicle_uuid, confirm_by, starts_at, received_at,
 * created_at: gestiona_web_book() in data/server-sql/0007-web-bookings.sql). */
void gest_booking_records (GestBookingInput  *input,
                           const char        *day,
                           int                minute,
                           JsonObject       **out_customer,
                           JsonObject       **out_vehicle,
                           JsonObject       **out_reservation);

/* "lunes 07/12/2026" (new). */
char *gest_booking_day_label (const char *day);

/* The form with @input's values and @errors (element GestBookingError, may be empty) listed
 * at the top and next to each field; @slots element GestBookingSlot ordered by day, time. */
char *gest_booking_form_html (const char       *dealer_id,
                              const char       *dealer_name,
                              GPtrArray        *slots,
                              const GestBookingInput *input,
                              GPtrArray        *errors);
/* The confirmation page. @confirm_by nullable. */
char *gest_booking_done_html (const char       *dealer_name,
                              const char       *day,
                              int               minute,
                              const char       *confirm_by);
/* A page with a title and one message (404, 405, 429, 503). */
char *gest_booking_message_html (const char    *title,
                                 const char    *message);

G_END_DECLS
