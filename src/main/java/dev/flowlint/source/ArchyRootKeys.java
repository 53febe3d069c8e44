package dev.flowlint.source;

import java.util.Set;

/** Archy's top-level keys: the flow type in lower camel case, as Archy YAML files start. */
public final class ArchyRootKeys {
  public static final Set<String> ALL =
      Set.of(
          "workflow",
          "commonModule",
          "inboundCall",
          "inboundChat",
          "inboundEmail",
          "inboundShortMessage",
          "inqueueCall",
          "inqueueEmail",
          "inqueueShortMessage",
          "inqueueChat",
          "outboundCall",
          "secureCall",
          "botFlow",
          "bot",
          "digitalBot",
          "digitalBotFlow",
          "voicemail",
          "voiceMail",
          "surveyInvite",
          "voiceSurvey",
          "workitem");

  private ArchyRootKeys() {}
}
