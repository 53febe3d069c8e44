package dev.flowlint.genesys;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javax.net.ssl.SSLException;

/** Sends requests with timeouts and the retry policy; turns network failures into plain words. */
final class HttpTransport {
  record Response(int status, String body, Optional<String> retryAfter) {}

  private final HttpClient client;
  private final RetryPolicy retry;
  private final Duration readTimeout;
  private final Consumer<String> log;

  HttpTransport(RetryPolicy retry, Duration connectTimeout, Duration readTimeout, Consumer<String> log) {
    this.client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build();
    this.retry = retry;
    this.readTimeout = readTimeout;
    this.log = log;
  }

  /** @param build makes a fresh request for each attempt (the token may change between them) */
  Response send(java.util.function.Supplier<HttpRequest.Builder> build, String what) throws GenesysException {
    long waited = 0;
    for (int attempt = 1; ; attempt++) {
      HttpRequest request = build.get().timeout(readTimeout).build();
      Response response;
      try {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        response = new Response(r.statusCode(), r.body(), r.headers().firstValue("Retry-After"));
        log.accept(request.method() + " " + pathOf(request.uri()) + " -> " + r.statusCode());
      } catch (HttpConnectTimeoutException e) {
        throw new GenesysException("cannot connect to " + request.uri().getHost() + " (" + what + "): connection timed out");
      } catch (HttpTimeoutException e) {
        response = null;
        log.accept(request.method() + " " + pathOf(request.uri()) + " -> timed out");
        if (attempt >= retry.maxAttempts()) {
          throw new GenesysException(what + ": no answer from " + request.uri().getHost() + " within " + readTimeout.toSeconds() + " s");
        }
      } catch (ConnectException e) {
        if (isUnknownHost(e)) {
          throw new GenesysException("unknown host " + request.uri().getHost() + " (" + what + "): check --region or --api-base/--login-base");
        }
        throw new GenesysException("cannot connect to " + request.uri().getHost() + ":" + port(request.uri()) + " (" + what + "): connection refused");
      } catch (SSLException e) {
        throw new GenesysException("TLS failure talking to " + request.uri().getHost() + " (" + what + "): the certificate or protocol was not accepted");
      } catch (IOException e) {
        if (isUnknownHost(e)) {
          throw new GenesysException("unknown host " + request.uri().getHost() + " (" + what + "): check --region or --api-base/--login-base");
        }
        if (hasCause(e, SSLException.class)) {
          throw new GenesysException("TLS failure talking to " + request.uri().getHost() + " (" + what + "): the certificate or protocol was not accepted");
        }
        response = null; // dropped connection: retried
        log.accept(request.method() + " " + pathOf(request.uri()) + " -> connection dropped");
        if (attempt >= retry.maxAttempts()) {
          throw new GenesysException(what + ": the connection to " + request.uri().getHost() + " dropped " + attempt + " times");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GenesysException(what + ": interrupted");
      }
      if (response != null && !RetryPolicy.retryable(response.status())) {
        return response;
      }
      if (response != null && attempt >= retry.maxAttempts()) {
        return response;
      }
      Duration wait = response != null && response.status() == 429 && response.retryAfter().isPresent()
          ? retryAfter(response.retryAfter().get()).orElse(retry.backoff(attempt))
          : retry.backoff(attempt);
      if (waited + wait.toMillis() > retry.maxTotalWait().toMillis()) {
        throw new GenesysException(what + ": Genesys Cloud is still "
            + (response != null && response.status() == 429 ? "rate limiting (429)" : "unavailable")
            + " after waiting " + Duration.ofMillis(waited).toSeconds() + " s; the next wait of " + wait.toSeconds()
            + " s would pass the limit of " + retry.maxTotalWait().toSeconds() + " s. Try again later.");
      }
      try {
        retry.sleeper().sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GenesysException(what + ": interrupted");
      }
      waited += wait.toMillis();
    }
  }

  private static Optional<Duration> retryAfter(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isUnknownHost(Throwable e) {
    return hasCause(e, UnknownHostException.class) || hasCause(e, UnresolvedAddressException.class);
  }

  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static int port(URI uri) {
    return uri.getPort() > 0 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
  }

  /** The path and query only: never credentials. */
  static String pathOf(URI uri) {
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
