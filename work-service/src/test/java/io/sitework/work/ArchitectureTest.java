package io.sitework.work;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.sitework.work", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoAdapters = noClasses().that().resideInAnyPackage("..work.command..", "..work.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..",
                    "org.springframework.data..", "com.mongodb..", "io.sitework.work.web..", "io.sitework.work.query..",
                    "io.sitework.work.publish..");

    @ArchTest
    static final ArchRule queriesDoNotIssueCommands = noClasses().that().resideInAPackage("..work.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitework.work.command..", "org.axonframework.commandhandling..");

    @ArchTest
    /** Kafka in: only the context-events listener (and its consumer support); Kafka out: only the publisher. */
    static final ArchRule onlyThePublisherAndTheContextListenerTalkToKafka = noClasses()
            .that().resideOutsideOfPackages("..work.publish..", "..work.config..", "..work.context..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "io.sitework.support.kafka..");

    @ArchTest
    static final ArchRule scheduleDomainKnowsNoAdapters = noClasses().that().resideInAnyPackage("..schedule.command..", "..schedule.api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..",
                    "org.springframework.data..", "com.mongodb..", "io.sitework.work.web..", "io.sitework.work.query..",
                    "io.sitework.work.publish..", "io.sitework.work.schedule.web..", "io.sitework.work.schedule.query..",
                    "io.sitework.work.schedule.process..");

    @ArchTest
    static final ArchRule scheduleQueriesDoNotIssueCommands = noClasses().that().resideInAPackage("..schedule.query..")
            .should().dependOnClassesThat().resideInAnyPackage("io.sitework.work.schedule.command..", "io.sitework.work.command..",
                    "org.axonframework.commandhandling..");
}
