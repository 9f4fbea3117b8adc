/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "gest-agenda-mail.h"

G_BEGIN_DECLS

/* What the agenda's messages need of one reservation (gest-agenda-ics.c, -mail.c). */
typedef struct
{
  char *uuid;
  char *day;
  int   starts_min;
  int   duration_min;
  char *service_kind;
  char *transport;
  char *customer_name;
  char *email;
  char *vehicle;          /* "Escape 2019" */
  char *plate;
  char *advisor_name;
  char *state;
  char *advisor_uuid;
  char *customer_uuid;
} GestAgendaMailReservation;

GestAgendaMailReservation *gest_agenda_mail_reservation_load (GestStore                       *store,
                                                              const char                      *uuid,
                                                              GError                         **error);
void                       gest_agenda_mail_reservation_free (GestAgendaMailReservation       *reservation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GestAgendaMailReservation, gest_agenda_mail_reservation_free)

/* The setting @key, stripped, or @fallback when unset or blank (a new string). */
char                      *gest_agenda_mail_setting          (GestStore                       *store,
                                                              const char                      *key,
                                                              const char                      *fallback);
/* "Cita de servicio: Escape 2019 (ABC-123-D)". */
char                      *gest_agenda_mail_summary          (const GestAgendaMailReservation *reservation);

G_END_DECLS
