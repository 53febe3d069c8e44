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
import java.util.List;
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

  HttpTransport(
      RetryPolicy retry, Duration connectTimeout, Duration readTimeout, Consumer<String> log) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.retry = retry;
    this.readTimeout = readTimeout;
    this.log = log;
  }

  /**
   * The largest answer read: a page of flows with schemas is far smaller; more is a broken or
   * hostile server.
   */
  static final long MAX_BODY = 8L * 1024 * 1024;

  /**
   * @param build makes a fresh request for each attempt (the token may change between them)
   */
  Response send(java.util.function.Supplier<HttpRequest.Builder> build, String what)
      throws GenesysException {
    long waited = 0;
    long start = System.nanoTime();
    // --max-wait bounds the whole request, its attempts included, not only the pauses between them.
    long deadline = start + retry.maxTotalWait().toNanos();
    for (int attempt = 1; ; attempt++) {
      long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      long attemptMillis = Math.min(readTimeout.toMillis(), left);
      HttpRequest request = build.get().timeout(Duration.ofMillis(attemptMillis)).build();
      Response response;
      try {
        HttpResponse<String> r = receive(request, attemptMillis, what);
        response = new Response(r.statusCode(), r.body(), r.headers().firstValue("Retry-After"));
        log.accept(request.method() + " " + pathOf(request.uri()) + " -> " + r.statusCode());
      } catch (HttpConnectTimeoutException e) {
        throw new GenesysException(
            "cannot connect to "
                + request.uri().getHost()
                + " ("
                + what
                + "): connection timed out");
      } catch (HttpTimeoutException e) {
        response = null;
        log.accept(request.method() + " " + pathOf(request.uri()) + " -> timed out");
        if (attempt >= retry.maxAttempts() || System.nanoTime() >= deadline) {
          throw noAnswer(request, what, attempt, start);
        }
      } catch (ConnectException e) {
        if (isUnknownHost(e)) {
          throw unknownHost(request, what);
        }
        throw new GenesysException(
            "cannot connect to "
                + request.uri().getHost()
                + ":"
                + port(request.uri())
                + " ("
                + what
                + "): connection refused");
      } catch (SSLException e) {
        throw new GenesysException(
            "TLS failure talking to "
                + request.uri().getHost()
                + " ("
                + what
                + "): the certificate or protocol was not accepted");
      } catch (IOException e) {
        if (isUnknownHost(e)) {
          throw unknownHost(request, what);
        }
        if (hasCause(e, SSLException.class)) {
          throw new GenesysException(
              "TLS failure talking to "
                  + request.uri().getHost()
                  + " ("
                  + what
                  + "): the certificate or protocol was not accepted");
        }
        response = null; // dropped connection: retried
        log.accept(request.method() + " " + pathOf(request.uri()) + " -> connection dropped");
        if (attempt >= retry.maxAttempts()) {
          throw new GenesysException(
              what
                  + ": the connection to "
                  + request.uri().getHost()
                  + " dropped "
                  + attempt
                  + " times");
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
      Duration wait =
          response != null && response.status() == 429 && response.retryAfter().isPresent()
              ? retryAfter(response.retryAfter().get()).orElse(retry.backoff(attempt))
              : retry.backoff(attempt);
      if (System.nanoTime() + wait.toNanos() > deadline) {
        if (response == null) {
          throw noAnswer(request, what, attempt, start); // timeouts, not an unavailable server
        }
        throw new GenesysException(
            what
                + ": Genesys Cloud is still "
                + (response.status() == 429 ? "rate limiting (429)" : "unavailable")
                + " after waiting "
                + Duration.ofMillis(waited).toSeconds()
                + " s; the next wait of "
                + wait.toSeconds()
                + " s would pass the limit of "
                + retry.maxTotalWait().toSeconds()
                + " s; try again later");
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

  /**
   * One exchange, bounded in time (the whole body, not only the headers, must arrive within {@code
   * millis}) and in size ({@link #MAX_BODY}, checked against Content-Length first).
   */
  private HttpResponse<String> receive(HttpRequest request, long millis, String what)
      throws IOException, InterruptedException, GenesysException {
    java.util.concurrent.CompletableFuture<HttpResponse<String>> future =
        client.sendAsync(request, info -> new Limited(info, MAX_BODY));
    try {
      return future.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      future.cancel(true);
      throw new HttpTimeoutException("the whole answer did not arrive in time");
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      for (Throwable t = cause; t != null; t = t.getCause()) {
        if (t instanceof TooLarge) {
          throw new GenesysException(
              what
                  + ": the answer from "
                  + request.uri().getHost()
                  + " is larger than "
                  + MAX_BODY / (1024 * 1024)
                  + " MiB; stopped reading it");
        }
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "failed" : cause.getMessage(), cause);
    } finally {
      future.cancel(true);
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("answer too large", null);
    }
  }

  /**
   * Collects a body as UTF-8 text, failing as soon as it passes {@code max} bytes (or says it
   * will).
   */
  private static final class Limited implements HttpResponse.BodySubscriber<String> {
    private final java.util.concurrent.CompletableFuture<String> result =
        new java.util.concurrent.CompletableFuture<>();
    private final java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    private final long max;
    private final boolean declaredTooLarge;
    private java.util.concurrent.Flow.Subscription subscription;

    Limited(HttpResponse.ResponseInfo info, long max) {
      this.max = max;
      this.declaredTooLarge = info.headers().firstValueAsLong("Content-Length").orElse(-1) > max;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      subscription = s;
      if (declaredTooLarge) {
        s.cancel();
        result.completeExceptionally(new TooLarge());
        return;
      }
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<java.nio.ByteBuffer> items) {
      for (java.nio.ByteBuffer b : items) {
        if (buf.size() + (long) b.remaining() > max) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        buf.write(bytes, 0, bytes.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buf.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public java.util.concurrent.CompletionStage<String> getBody() {
      return result;
    }
  }

  /** Attempts that timed out (or dropped), given up on: how many, and how long they took. */
  private static GenesysException noAnswer(
      HttpRequest request, String what, int attempts, long start) {
    long seconds = Math.max(1, Math.round((System.nanoTime() - start) / 1e9));
    return new GenesysException(
        what
            + ": no complete answer from "
            + request.uri().getHost()
            + " in "
            + seconds
            + " s ("
            + attempts
            + (attempts == 1 ? " attempt" : " attempts")
            + "; --timeout and --max-wait bound them)");
  }

  private static Optional<Duration> retryAfter(String value) {
    try {
      // At most a day: a huge Retry-After must not overflow the arithmetic (--max-wait ends it
      // anyway).
      return Optional.of(
          Duration.ofSeconds(Math.min(86_400, Math.max(0, Long.parseLong(value.strip())))));
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

  private static GenesysException unknownHost(HttpRequest request, String what) {
    return new GenesysException(
        "unknown host "
            + request.uri().getHost()
            + " ("
            + what
            + "): check --region or --api-base/--login-base");
  }
}
