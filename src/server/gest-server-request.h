/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libpq-fe.h>

#include "gest-server-config.h"

G_BEGIN_DECLS

/* One HTTP request as a worker thread sees it: a copy of what the handler needs from the
 * SoupServerMessage (which stays on the main loop) and the response to send back. */
typedef struct
{
  /* in */
  char                   *method;
  char                   *path;
  GHashTable             *query;           /* nullable */
  char                   *authorization;   /* nullable */
  char                   *upload_offset;   /* nullable */
  char                   *upload_length;   /* nullable */
  GBytes                 *body;
  const GestServerConfig *config;          /* borrowed */
  char                   *peer_address;    /* the socket's peer, nullable */
  char                   *forwarded_for;   /* X-Forwarded-For, nullable */

  /* after authentication */
  char                   *device_id;
  char                   *dealer_id;

  /* out */
  guint                   status;
  char                   *content_type;
  GBytes                 *response;
  GPtrArray              *headers;         /* name, value, name, value... */
} GestServerRequest;

/* Sets a JSON response. */
/* A reply already written as JSON text (taken). */
void        gest_server_request_json_text   (GestServerRequest *req,
                                             guint              status,
                                             GBytes            *text);
void        gest_server_request_json        (GestServerRequest *req,
                                             guint              status,
                                             JsonNode          *node);
void        gest_server_request_object      (GestServerRequest *req,
                                             guint              status,
                                             JsonObject        *object);
/* {"error": message} with @status. */
void        gest_server_request_error       (GestServerRequest *req,
                                             guint              status,
                                             const char        *format,
                                             ...) G_GNUC_PRINTF (3, 4);
void        gest_server_request_header      (GestServerRequest *req,
                                             const char        *name,
                                             const char        *value);
/* The body parsed as a JSON object, or NULL after a 400 response. */
JsonObject *gest_server_request_body_object (GestServerRequest *req);

/* Handlers, run in a worker thread with its own connection (gestiona_app). */
void gest_server_handle_enroll (GestServerRequest *req, PGconn *conn);
void gest_server_handle_push   (GestServerRequest *req, PGconn *conn);
void gest_server_handle_pull   (GestServerRequest *req, PGconn *conn);
void gest_server_handle_blob   (GestServerRequest *req, PGconn *conn, const char *sha256);
/* gest-server-booking.c: GET /v1/health, and the public web bookings (no token): /book/<dealer>
 * (the HTML form), /v1/slots/<dealer> and /v1/bookings/<dealer> (JSON). */
void gest_server_handle_health  (GestServerRequest *req, PGconn *conn);
gboolean gest_server_is_booking_path (const char *path);
void gest_server_handle_booking (GestServerRequest *req, PGconn *conn);

G_END_DECLS
