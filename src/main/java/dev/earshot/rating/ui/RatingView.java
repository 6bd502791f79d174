package dev.earshot.rating.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import dev.earshot.platform.error.DomainException;
import dev.earshot.rating.service.RatingService;
import dev.earshot.rating.service.RatingService.AssignmentView;
import dev.earshot.rating.service.RatingService.PreviousItem;
import dev.earshot.rating.service.RatingService.RevealedSystems;
import dev.earshot.rating.service.RatingService.Side;
import dev.earshot.rating.service.RatingService.VoteChange;
import dev.earshot.rating.service.RatingService.VoteReceipt;
import dev.earshot.rating.service.RatingService.VoteRequest;
import dev.earshot.security.Role;
import dev.earshot.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The blind A/B listening page. Both responses must be heard to the end (the browser counts what
 * really played, the server checks the time) before the verdicts unlock. Keyboard: space
 * play/pause, A/B switch, 1-5 verdict for the highlighted dimension (6: both bad), Enter submit, S
 * skip. Each loaded assignment gets one vote id, so a double submit or a retry stores one vote.
 *
 * <p>"Previous item" reopens the rater's latest voted item with their vote filled in, to change it
 * while the campaign is active; submitting there stores a new vote that replaces the old one. When
 * the campaign reveals systems, the systems just heard are named after each vote.
 */
@Route(value = "rate/:campaign", layout = MainLayout.class)
@PageTitle("Rating · Earshot")
@RolesAllowed(Role.ANNOTATOR_NAME)
public class RatingView extends VerticalLayout implements BeforeEnterObserver {

  private static final long serialVersionUID = 1L;

  /** Verdicts in key order 1-6, with their labels. */
  static final Map<String, String> VERDICTS = new LinkedHashMap<>();

  static {
    VERDICTS.put("a_much_better", "A much better");
    VERDICTS.put("a_better", "A better");
    VERDICTS.put("tie", "Tie");
    VERDICTS.put("b_better", "B better");
    VERDICTS.put("b_much_better", "B much better");
    VERDICTS.put("both_bad", "Both bad");
  }

  /** The keyboard help shown on the page, in the order rating.js handles the keys. */
  static final Map<String, String> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("Space", "play / pause");
    KEYS.put("A / B", "switch to response A or B");
    KEYS.put("1–5", "verdict for the highlighted dimension");
    KEYS.put("6", "both bad");
    KEYS.put("Enter", "submit");
    KEYS.put("S", "skip");
  }

  private static final String LISTEN_FIRST = "Listen to A and B to the end first";

  private final transient RatingService rating;
  private final String rater;
  private UUID campaign;
  private transient AssignmentView current;
  private UUID voteId;
  private final List<RadioButtonGroup<String>> verdictGroups = new ArrayList<>();
  private int activeDimension;
  private CheckboxGroup<String> reasons;
  private TextArea comment;
  private Span statusA;
  private Span statusB;
  private Button submit;

  /** The voted item being changed ("Previous item"); null while rating the next one. */
  private transient PreviousItem revising;

  /** The systems of the item voted on last, when the campaign reveals them; shown once. */
  private transient RevealedSystems lastRevealed;

  public RatingView(RatingService rating) {
    this.rating = rating;
    this.rater = VaadinRequest.getCurrent().getUserPrincipal().getName();
    addClassName("rating-page");
    setMaxWidth("60em");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    try {
      campaign = UUID.fromString(event.getRouteParameters().get("campaign").orElse(""));
    } catch (IllegalArgumentException e) {
      event.forwardTo(RateView.class);
      return;
    }
    showNext();
  }

  private void showNext() {
    removeAll();
    verdictGroups.clear();
    revising = null;
    showRevealed();
    try {
      current = rating.next(campaign, rater).orElse(null);
    } catch (DomainException e) {
      add(new H2("Rating"), new Paragraph(e.getMessage()), backLink());
      return;
    }
    if (current == null) {
      add(
          new H2("All done"),
          new Paragraph("This campaign needs nothing more from you. Thank you!"),
          new HorizontalLayout(previousButton(), backLink()));
      return;
    }
    voteId = UUID.randomUUID();
    activeDimension = 0;
    render();
  }

  /** The rater's latest voted item, its vote filled in, to change it. */
  private void showPrevious() {
    Optional<PreviousItem> previous;
    try {
      previous = rating.previous(campaign, rater);
    } catch (DomainException e) {
      warn(e.getMessage());
      return;
    }
    if (previous.isEmpty()) {
      warn("You have not voted on anything in this campaign yet");
      return;
    }
    removeAll();
    verdictGroups.clear();
    revising = previous.get();
    current = revising.assignment();
    voteId = UUID.randomUUID();
    activeDimension = 0;
    Paragraph note =
        new Paragraph(
            "Changing your vote on item "
                + current.position()
                + ": the new vote replaces the one you gave"
                + (revising.revealed() == null
                    ? "."
                    : " (you heard A: "
                        + revising.revealed().systemA()
                        + ", B: "
                        + revising.revealed().systemB()
                        + ")."));
    note.setId("revising-note");
    add(note);
    render();
    for (int i = 0; i < verdictGroups.size(); i++) {
      verdictGroups.get(i).setValue(revising.verdicts().get(current.dimensions().get(i)));
    }
    reasons.select(revising.reasonTags());
    comment.setValue(revising.comment());
  }

  /** Names the systems of the item just voted on, once, when the campaign reveals them. */
  private void showRevealed() {
    if (lastRevealed == null) {
      return;
    }
    Paragraph revealed =
        new Paragraph(
            "You just heard A: "
                + lastRevealed.systemA()
                + ", B: "
                + lastRevealed.systemB()
                + ". The next item is blind again.");
    revealed.setId("revealed-systems");
    revealed.addClassName("revealed-systems");
    add(revealed);
    lastRevealed = null;
  }

  private Button previousButton() {
    Button previous = new Button("Previous item", click -> showPrevious());
    previous.setId("previous-item");
    return previous;
  }

  private void render() {
    Span progress = new Span(current.position() + " of " + current.total());
    progress.setId("rating-progress");
    Span timer = new Span();
    timer.setId("item-timer");
    H2 heading = new H2(current.campaignName());
    heading.setId("rating-heading");
    HorizontalLayout header = new HorizontalLayout(heading, progress, timer);
    header.setAlignItems(Alignment.BASELINE);
    // On a phone the progress and timer move under the name instead of squeezing it.
    header.addClassName("rating-header");
    header.setWidthFull();
    add(header);
    if (!current.instructions().isBlank()) {
      Markdown instructions = new Markdown(current.instructions());
      instructions.addClassName("rating-instructions");
      add(instructions);
    }
    add(new H3("Prompt"));
    if (current.promptText() != null) {
      Paragraph text = new Paragraph(current.promptText());
      text.setId("prompt-text");
      add(text);
    }
    if (current.promptAudio() != null) {
      add(audioElement("player-prompt", current.promptAudio().url()));
    }
    statusA = new Span();
    statusB = new Span();
    HorizontalLayout players =
        new HorizontalLayout(
            player("a", "A", current.a().url(), statusA),
            player("b", "B", current.b().url(), statusB));
    players.setWidthFull();
    // Side by side where there is room; stacked on a phone, so each player keeps its full controls.
    players.addClassName("rating-players");
    add(players);
    add(verdicts(), extras(), actions());
    refreshListening();
    UI ui = UI.getCurrent();
    ui.getPage().addJavaScript("/static/rating.js");
    long elapsed = Duration.between(current.issuedAt(), OffsetDateTime.now()).toMillis();
    getElement().executeJs("window.earshotRating.attach(this, $0)", (double) elapsed);
  }

  private Component player(String side, String label, String url, Span status) {
    Div box = new Div();
    box.addClassName("rating-player");
    box.getElement().setAttribute("data-side", side);
    if ("a".equals(side)) {
      box.addClassName("current");
    }
    Element canvas = new Element("canvas");
    canvas.setAttribute("id", "wave-" + side);
    canvas.setAttribute("width", "400");
    canvas.setAttribute("height", "60");
    canvas.getStyle().set("width", "100%").set("height", "60px");
    status.setId("status-" + side);
    box.add(new H3(label));
    box.getElement().appendChild(canvas);
    box.add(audioElement("player-" + side, url), status);
    return box;
  }

  private static Component audioElement(String id, String url) {
    Div wrapper = new Div();
    // A wrapper without width would squeeze the player to nothing inside the vertical layout.
    wrapper.setWidthFull();
    Element audio = new Element("audio");
    audio.setAttribute("id", id);
    audio.setAttribute("src", url);
    audio.setAttribute("controls", true);
    audio.setAttribute("preload", "auto");
    audio.getStyle().set("width", "100%");
    wrapper.getElement().appendChild(audio);
    return wrapper;
  }

  private Component verdicts() {
    VerticalLayout box = new VerticalLayout();
    box.setPadding(false);
    box.add(keyboardHelp());
    List<String> dimensions = current.dimensions();
    for (int i = 0; i < dimensions.size(); i++) {
      String dimension = dimensions.get(i);
      RadioButtonGroup<String> group = new RadioButtonGroup<>(dimension);
      group.setItems(VERDICTS.keySet());
      group.setItemLabelGenerator(VERDICTS::get);
      group.setId("verdict-" + dimension);
      int index = i;
      group.addValueChangeListener(
          change -> {
            if (change.isFromClient()) {
              activate(Math.min(index + 1, verdictGroups.size() - 1));
            }
          });
      verdictGroups.add(group);
      box.add(group);
    }
    activate(0);
    return box;
  }

  /** The page's keys, always shown: raters should not have to guess them. */
  private static Component keyboardHelp() {
    Div help = new Div();
    help.setId("keyboard-help");
    help.addClassName("keyboard-help");
    help.add(new Span("Keys:"));
    KEYS.forEach(
        (key, meaning) -> {
          Span entry = new Span();
          Element kbd = new Element("kbd");
          kbd.setText(key);
          entry.getElement().appendChild(kbd);
          entry.add(new Span(" " + meaning));
          help.add(entry);
        });
    return help;
  }

  private Component extras() {
    reasons = new CheckboxGroup<>("Reasons (optional)");
    reasons.setItems(current.reasonTags());
    reasons.setId("reason-tags");
    comment = new TextArea("Comment (optional)");
    comment.setWidthFull();
    comment.setMaxLength(2000);
    comment.setId("comment");
    VerticalLayout box = new VerticalLayout(reasons, comment);
    box.setPadding(false);
    return box;
  }

  private Component actions() {
    submit = new Button("Submit (Enter)", click -> submit());
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.setId("submit-vote");
    submit.setDisableOnClick(true);
    if (revising != null) {
      submit.setText("Change vote (Enter)");
      Button back = new Button("Back to the current item", click -> showNext());
      back.setId("back-to-current");
      return new HorizontalLayout(submit, back);
    }
    Button skip = new Button("Skip (S)", click -> skip());
    skip.setId("skip");
    return new HorizontalLayout(submit, skip, previousButton());
  }

  private void activate(int index) {
    activeDimension = index;
    for (int i = 0; i < verdictGroups.size(); i++) {
      verdictGroups.get(i).getElement().getClassList().set("active-dimension", i == index);
    }
  }

  private void refreshListening() {
    statusA.setText(current.playedA() ? "Heard to the end ✓" : "Play to the end");
    statusB.setText(current.playedB() ? "Heard to the end ✓" : "Play to the end");
    boolean unlocked = revising != null || heardBoth();
    verdictGroups.forEach(g -> g.setEnabled(unlocked));
    submit.setEnabled(unlocked);
  }

  @ClientCallable
  void played(String side) {
    try {
      current = rating.played(current.assignment(), rater, Side.parse(side));
      refreshListening();
    } catch (DomainException e) {
      warn(e.getMessage());
    }
  }

  @ClientCallable
  void notHeard(String side) {
    warn("Response " + side.toUpperCase() + " was skipped through; play it to the end");
  }

  @ClientCallable
  void verdictKey(int key) {
    if (current == null || verdictGroups.isEmpty()) {
      return;
    }
    if (!mayVote()) {
      warn(LISTEN_FIRST);
      return;
    }
    String verdict = new ArrayList<>(VERDICTS.keySet()).get(key - 1);
    verdictGroups.get(activeDimension).setValue(verdict);
    activate(Math.min(activeDimension + 1, verdictGroups.size() - 1));
  }

  @ClientCallable
  void submitKey() {
    submit();
  }

  @ClientCallable
  void skipKey() {
    skip();
  }

  private boolean heardBoth() {
    return current.playedA() && current.playedB();
  }

  /** A new item needs both responses heard; a vote being changed was heard before. */
  private boolean mayVote() {
    return revising != null || heardBoth();
  }

  private void submit() {
    if (current == null) {
      return;
    }
    if (!mayVote()) {
      // Enter reaches here while the button is disabled: say what is missing, not a verdict.
      warn(LISTEN_FIRST);
      return;
    }
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (int i = 0; i < verdictGroups.size(); i++) {
      String value = verdictGroups.get(i).getValue();
      if (value == null) {
        warn("Give a verdict for " + current.dimensions().get(i));
        activate(i);
        submit.setEnabled(true);
        return;
      }
      verdicts.put(current.dimensions().get(i), value);
    }
    List<String> tags = new ArrayList<>(reasons.getSelectedItems());
    VoteReceipt receipt;
    try {
      receipt =
          revising != null
              ? rating.revise(
                  current.assignment(),
                  new VoteChange(voteId, verdicts, tags, comment.getValue()),
                  rater)
              : rating.vote(
                  new VoteRequest(voteId, current.assignment(), verdicts, tags, comment.getValue()),
                  rater);
    } catch (DomainException e) {
      warn("Not saved: " + e.getMessage());
      submit.setEnabled(true);
      return;
    }
    Notification.show(
            revising != null ? "Vote changed" : "Vote saved",
            1500,
            Notification.Position.BOTTOM_START)
        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    lastRevealed = receipt.revealed();
    showNext();
  }

  private void skip() {
    if (current == null || revising != null) {
      return;
    }
    try {
      rating.skip(current.assignment(), rater);
    } catch (DomainException e) {
      warn(e.getMessage());
      return;
    }
    showNext();
  }

  private static RouterLink backLink() {
    return new RouterLink("Back to my campaigns", RateView.class);
  }

  private static void warn(String message) {
    Notification.show(message, 4000, Notification.Position.MIDDLE)
        .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
  }
}
