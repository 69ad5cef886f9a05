package io.easel.studio.editor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.easel.server.schedule.InvalidScheduleException;
import io.easel.server.schedule.MissedFirings;
import io.easel.server.schedule.ScheduleRequest;
import io.easel.server.schedule.ScheduleView;
import io.easel.studio.layout.Toasts;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.format.annotation.DurationFormat;
import org.springframework.format.datetime.standard.DurationFormatterUtils;

/**
 * The experiment's schedule (scheduled retraining): a cron in a time zone, what a missed firing does, the deployment a
 * successful run's model is promoted to (as a canary first, if asked, promoted after a while), and whether it is on.
 * The server checks everything; a field it refuses is marked with the reason in the studio's language and the server's
 * detail.
 */
class ScheduleDialog extends Dialog {

    /** What the dialog asks the editor to do; each answers the schedule as it is afterwards. */
    interface Actions {
        /** @throws InvalidScheduleException naming the field the server refused */
        ScheduleView save(ScheduleRequest request);

        void remove();
    }

    private final TextField cron = new TextField();
    private final ComboBox<String> zone = new ComboBox<>();
    private final Select<MissedFirings> missed = new Select<>();
    private final ComboBox<String> promoteTo = new ComboBox<>();
    private final IntegerField canaryPercent = new IntegerField();
    private final TextField canaryFor = new TextField();
    private final Checkbox enabled = new Checkbox();

    /**
     * @param current the schedule as it is, empty when the experiment has none
     * @param deployments the names of the workspace's deployments, offered for promotion (others may be typed)
     */
    ScheduleDialog(Optional<ScheduleView> current, List<String> deployments, boolean canEdit, Actions actions) {
        setHeaderTitle(getTranslation("schedule.title"));
        setId("schedule-dialog");
        setWidth("min(560px, 94vw)");

        Span intro = new Span(getTranslation("schedule.intro"));
        intro.addClassName("muted");
        cron.setId("schedule-cron");
        cron.setLabel(getTranslation("schedule.cron"));
        cron.setHelperText(getTranslation("schedule.cron.help"));
        cron.setPlaceholder("0 3 * * *");
        cron.setWidthFull();
        zone.setId("schedule-zone");
        zone.setLabel(getTranslation("schedule.zone"));
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setAllowCustomValue(true);
        zone.addCustomValueSetListener(e -> zone.setValue(e.getDetail()));
        zone.setWidthFull();
        missed.setId("schedule-missed");
        missed.setLabel(getTranslation("schedule.missed"));
        missed.setItems(MissedFirings.values());
        missed.setItemLabelGenerator(policy -> getTranslation("schedule.missed." + policy.code()));
        promoteTo.setId("schedule-promote-to");
        promoteTo.setLabel(getTranslation("schedule.promote-to"));
        promoteTo.setHelperText(getTranslation("schedule.promote-to.help"));
        promoteTo.setItems(deployments);
        promoteTo.setAllowCustomValue(true);
        promoteTo.setClearButtonVisible(true);
        promoteTo.addCustomValueSetListener(e -> promoteTo.setValue(e.getDetail()));
        promoteTo.setWidthFull();
        canaryPercent.setId("schedule-canary-percent");
        canaryPercent.setLabel(getTranslation("schedule.canary-percent"));
        canaryPercent.setHelperText(getTranslation("schedule.canary-percent.help"));
        canaryPercent.setClearButtonVisible(true);
        canaryPercent.setWidthFull();
        canaryFor.setId("schedule-canary-for");
        canaryFor.setLabel(getTranslation("schedule.canary-for"));
        canaryFor.setHelperText(getTranslation("schedule.canary-for.help"));
        canaryFor.setPlaceholder("2h");
        canaryFor.setClearButtonVisible(true);
        canaryFor.setWidthFull();
        enabled.setId("schedule-enabled");
        enabled.setLabel(getTranslation("schedule.enabled"));

        cron.setValue(current.map(ScheduleView::cron).orElse(""));
        zone.setValue(current.map(ScheduleView::zone).orElse("UTC"));
        missed.setValue(current.map(ScheduleView::missed).orElse(MissedFirings.RUN_ONCE));
        promoteTo.setValue(current.map(ScheduleView::promoteTo).orElse(null));
        canaryPercent.setValue(current.map(ScheduleView::canaryPercent).orElse(null));
        canaryFor.setValue(current.map(ScheduleView::canaryFor)
                .map(duration -> DurationFormatterUtils.print(duration, DurationFormat.Style.COMPOSITE)).orElse(""));
        enabled.setValue(current.map(ScheduleView::enabled).orElse(true));
        Span next = new Span(current.map(s -> getTranslation("schedule.next", s.nextFireAt(), s.owner()))
                .orElse(getTranslation("schedule.none")));
        next.setId("schedule-next");
        next.addClassName("muted");

        VerticalLayout fields = new VerticalLayout(intro, cron, zone, missed, promoteTo, canaryPercent, canaryFor,
                enabled, next);
        fields.setPadding(false);
        add(fields);

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        Button remove = new Button(getTranslation("schedule.remove"), e -> {
            actions.remove();
            close();
        });
        remove.setId("schedule-remove");
        remove.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
        remove.setVisible(current.isPresent() && canEdit);
        Button save = new Button(getTranslation("schedule.save"), e -> save(actions));
        save.setId("schedule-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.setEnabled(canEdit);
        getFooter().add(remove, cancel, save);
    }

    private void save(Actions actions) {
        cron.setInvalid(false);
        zone.setInvalid(false);
        missed.setInvalid(false);
        promoteTo.setInvalid(false);
        canaryPercent.setInvalid(false);
        canaryFor.setInvalid(false);
        try {
            ScheduleView saved = actions.save(new ScheduleRequest(cron.getValue(), zone.getValue(),
                    missed.getValue() == null ? null : missed.getValue().code(), promoteTo.getValue(),
                    enabled.getValue(), canaryPercent.getValue(), canaryFor.getValue()));
            Toasts.success(getTranslation("schedule.saved", saved.nextFireAt()));
            close();
        } catch (InvalidScheduleException e) {
            Function<String, HasValidationProperties> inputs = field -> switch (field) {
                case "zone" -> zone;
                case "missed" -> missed;
                case "promoteTo" -> promoteTo;
                case "canaryPercent" -> canaryPercent;
                case "canaryFor" -> canaryFor;
                default -> cron;
            };
            HasValidationProperties input = inputs.apply(e.field() == null ? "cron" : e.field());
            // The reason in the studio's language; the server's own words say exactly what is wrong.
            input.setErrorMessage(getTranslation("schedule.error." + (e.field() == null ? "cron" : e.field()),
                    e.getMessage()));
            input.setInvalid(true);
        }
    }
}
