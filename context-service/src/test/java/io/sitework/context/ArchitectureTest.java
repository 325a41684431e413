package io.sitework.context;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.sitework.context", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoAdapters = noClasses().that().resideInAnyPackage("..command..", "..api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework.web..", "org.springframework.kafka..", "org.apache.kafka..", "org.springframework.jdbc..",
                    "org.springframework.data..", "com.mongodb..", "..web..", "..query..", "..publish..");

    /** Out through the publisher, in through the processes reacting to other services' events. */
    @ArchTest
    static final ArchRule onlyThePublisherAndTheProcessesTalkToKafka = noClasses().that()
            .resideOutsideOfPackages("..publish..", "..process..", "..config..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "io.sitework.support.kafka..");
}
