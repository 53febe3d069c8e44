package dev.flowlint.serve;

/** A request the server answers with an error status and a JSON message (never a stack trace). */
final class HttpProblem extends Exception {
  private final int status;

  HttpProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  int status() {
    return status;
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 421 -> "Misdirected Request";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }
}
